import QuizKit
import Render
@testable import QuizUI

let fixtureQuiz = """
- id: syn-flag
  type: single
  prompt: "Which flag does the **first** segment of an active open carry?"
  options:
    - text: "`SYN`"
      correct: true
    - text: "ACK"
      why: "There is nothing to acknowledge yet: the client has not heard from the server."
    - text: "FIN"
      why: "FIN closes a direction of an established connection."
  explain: "The SYN carries the client's initial sequence number."
  see: "#the-three-way-handshake"
- id: flags
  type: multiple
  prompt: "Which segments of the handshake carry ACK?"
  options:
    - {text: "the first", why: "Nothing to acknowledge yet."}
    - {text: "the second", correct: true, why: "It acknowledges the client's SYN."}
    - {text: "the third", correct: true, why: "It acknowledges the server's SYN."}
  explain: "Every segment after the first carries ACK."
- id: handshake-order
  type: order
  prompt: "Put the segments of the three-way handshake in order."
  items: ["SYN", "SYN+ACK", "ACK"]
  explain: "SYN, then SYN+ACK, then ACK."
- id: name
  type: text
  prompt: "What is the handshake called in Japanese textbooks? (3-way)"
  answers: ["スリーウェイハンドシェイク", "three-way handshake"]
  explain: "Any of the accepted spellings."
- id: rtt
  type: number
  prompt: "How many round trips before the client may send data?"
  answer: 1
  tolerance: 0
  unit: "round trips"
  explain: "One round trip."
"""

let fixtureItems = QuizItem.all(in: "tcp", questions: QuizParser.parse(source: fixtureQuiz, blockLine: 1, file: "tcp.md").questions)

/// Lines drawn into a buffer of their own size; the terminal cursor, when set, as a last line.
func screenText(_ lines: [Line], cursor: (line: Int, column: Int)?, width: Int) -> String {
    var buffer = ScreenBuffer(width: width, height: lines.count)
    for (row, line) in lines.enumerated() {
        var col = 0
        for span in line.spans { col = buffer.put(span.text, row: row, column: col, style: span.style) }
    }
    var text = buffer.text()
    if let cursor { text += "\ncursor: line \(cursor.line), column \(cursor.column)" }
    return text + "\n"
}

func cardText(_ card: QuizCard, width: Int = 50) -> String {
    let drawn = card.lines(width: width, focus: 0)
    return screenText(drawn.lines, cursor: drawn.cursor, width: width)
}

/// A block card showing only `item`.
func card(_ index: Int) -> QuizCard {
    QuizCard(items: [fixtureItems[index]], seed: 1)
}

extension QuizCard {
    @discardableResult
    mutating func press(_ keys: Key...) -> [QuizCardEvent] {
        keys.map { handle($0) }
    }

    mutating func type(_ text: String) {
        for ch in text { _ = handle(.char(ch)) }
    }
}
