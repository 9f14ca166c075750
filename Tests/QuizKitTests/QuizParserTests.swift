import LessonKit
import Testing
@testable import QuizKit

/// Parses `yaml` as if its fence were on line 10 of `l.md`.
func parse(_ yaml: String) -> QuizBlock {
    QuizParser.parse(source: yaml, blockLine: 10, file: "l.md")
}

func lint(_ yaml: String, resolve: (String) -> Bool = { _ in true }) -> [String] {
    var seen: [String: Int] = [:]
    return lintQuiz(source: yaml, blockLine: 10, file: "l.md", seenIDs: &seen, resolveSee: resolve).map(\.description)
}

let sampleQuiz = """
- id: handshake-order
  type: order
  prompt: "Put the segments in order."
  items: ["SYN", "SYN+ACK", "ACK"]
  explain: "The client's SYN carries its ISN."
  see: "#the-three-way-handshake"
- id: handshake-rtt
  type: number
  prompt: "How many round trips?"
  answer: 1
  tolerance: 0
  unit: "round trips"
  explain: "One."
- id: syn-flag
  type: single
  prompt: "Which flag?"
  options:
    - text: "SYN"
      correct: true
    - text: "ACK"
      why: "Nothing to acknowledge yet."
  explain: "SYN opens."
- id: tf
  type: truefalse
  prompt: "UDP is reliable."
  answer: false
  why: "UDP has no retransmission."
  explain: "It is not."
- id: port
  type: text
  prompt: "Which port does HTTP use?"
  answers: [80, "port 80"]
  explain: "80."
- id: flags
  type: multiple
  prompt: "Which flags?"
  options:
    - {text: "SYN", correct: true}
    - {text: "ACK", correct: true, why: "the second segment acks the SYN"}
    - {text: "RST", why: "resets abort"}
  explain: "SYN and ACK."

"""

@Suite struct QuizParserTests {
    @Test func parsesEveryTypeFromTheFormatExample() {
        let block = parse(sampleQuiz)
        #expect(block.diagnostics == [])
        #expect(block.questions.map(\.type) == [.order, .number, .single, .truefalse, .text, .multiple])
        #expect(block.questions[0].kind == .order(items: ["SYN", "SYN+ACK", "ACK"], why: nil))
        #expect(block.questions[0].see == "#the-three-way-handshake")
        #expect(block.questions[1].kind == .number(answer: 1, tolerance: 0, unit: "round trips", why: nil))
        #expect(block.questions[2].kind == .single(options: [Option(text: "SYN", correct: true),
                                                             Option(text: "ACK", why: "Nothing to acknowledge yet.")]))
        #expect(block.questions[3].kind == .trueFalse(answer: false, why: "UDP has no retransmission."))
        #expect(block.questions[4].kind == .text(answers: ["80", "port 80"], why: nil))
    }

    @Test func questionLinesPointIntoTheLessonFile() {
        let block = parse(sampleQuiz)
        // YAML line 1 is the line after the fence (line 10).
        #expect(block.questions[0].line == 11)
        #expect(block.questions[1].line == 17)
    }

    @Test func yamlErrorReportsTheLessonLine() {
        let diags = lint("- id: a\n  type: single\n  prompt: [unclosed\n")
        #expect(diags.count == 1)
        #expect(diags[0].hasPrefix("l.md:14:1: "))
        #expect(diags[0].contains("error: quiz: YAML:"))
    }

    @Test func unknownTypeIsReportedAtTheTypeValue() {
        let diags = lint("- id: a\n  type: essay\n  prompt: p\n  explain: e\n")
        #expect(diags == ["l.md:12:9: error: quiz 'a': unknown type 'essay' (known: single, multiple, truefalse, order, text, number)"])
    }

    @Test func missingFieldsAreEachReported() {
        let diags = lint("- id: a\n  type: truefalse\n  answer: true\n")
        #expect(diags == ["l.md:11:3: error: quiz 'a': missing 'prompt'", "l.md:11:3: error: quiz 'a': missing 'explain'"])
    }

    @Test func singleWithTwoCorrectOptionsIsAnError() {
        let diags = lint("- id: a\n  type: single\n  prompt: p\n  explain: e\n  options:\n    - {text: x, correct: true}\n    - {text: y, correct: true}\n")
        #expect(diags.count == 1)
        #expect(diags[0].contains("exactly one option with 'correct: true' (found 2)"))
    }

    @Test func singleWithNoCorrectOptionIsAnError() {
        let diags = lint("- id: a\n  type: single\n  prompt: p\n  explain: e\n  options:\n    - {text: x}\n    - {text: y}\n")
        #expect(diags.count == 1 && diags[0].contains("(found 0)"))
    }

    @Test func orderWithTwoItemsIsAnError() {
        let diags = lint("- id: a\n  type: order\n  prompt: p\n  explain: e\n  items: [x, y]\n")
        #expect(diags == ["l.md:15:10: error: quiz 'a': an 'order' question needs at least 3 items (found 2)"])
    }

    @Test func numberWithoutToleranceIsAnError() {
        let diags = lint("- id: a\n  type: number\n  prompt: p\n  explain: e\n  answer: 3\n")
        #expect(diags.count == 1 && diags[0].contains("needs 'tolerance:'"))
    }

    @Test func duplicateIdsAcrossBlocksAreReported() {
        var seen: [String: Int] = [:]
        let q = "- id: a\n  type: truefalse\n  prompt: p\n  explain: e\n  answer: true\n"
        _ = lintQuiz(source: q, blockLine: 10, file: "l.md", seenIDs: &seen, resolveSee: { _ in true })
        let second = lintQuiz(source: q, blockLine: 40, file: "l.md", seenIDs: &seen, resolveSee: { _ in true })
        #expect(second.map(\.description) == ["l.md:41:3: error: quiz 'a': duplicate question id (first used on line 11)"])
    }

    @Test func unresolvedSeeLinkIsReported() {
        let diags = lint("- id: a\n  type: truefalse\n  prompt: p\n  explain: e\n  answer: true\n  see: '#nowhere'\n",
                         resolve: { $0 == "#somewhere" })
        #expect(diags.count == 1 && diags[0].contains("see link '#nowhere' does not resolve"))
    }

    @Test func unknownKeyIsAWarning() {
        let diags = lint("- id: a\n  type: truefalse\n  prompt: p\n  explain: e\n  answer: true\n  explanation: x\n")
        #expect(diags.count == 1 && diags[0].hasPrefix("l.md:16:3: warning: quiz 'a': unknown key 'explanation'"))
    }

    @Test func blockThatIsNotAListIsAnError() {
        let diags = lint("id: a\ntype: single\n")
        #expect(diags.count == 1 && diags[0].contains("must be a YAML list of questions"))
    }

    @Test func invalidQuestionIsLeftOutButOthersParse() {
        let block = parse("- id: a\n  type: nope\n  prompt: p\n  explain: e\n- id: b\n  type: truefalse\n  prompt: p\n  explain: e\n  answer: true\n")
        #expect(block.questions.map(\.id) == ["b"])
    }
}

@Suite struct SeeLinkTests {
    let resolver = SeeLinkResolver(anchors: ["tcp": ["time-wait", "handshake"], "dns": ["header"]])

    @Test func localAnchorResolvesInTheSameLesson() {
        #expect(resolver.resolves("#time-wait", from: "tcp"))
        #expect(!resolver.resolves("#time-wait", from: "dns"))
    }

    @Test func otherLessonAnchorResolves() {
        #expect(resolver.resolves("dns.md#header", from: "tcp"))
        #expect(!resolver.resolves("dns.md#nope", from: "tcp"))
        #expect(!resolver.resolves("http.md#x", from: "tcp"))
    }

    @Test func absoluteFormNamesTheLesson() {
        #expect(SeeLink("#header", from: "dns")?.absolute == "dns.md#header")
    }

    @Test func lintOfADocumentFindsDuplicatesAcrossBlocks() {
        let md = "# T\n\n```quiz\n- id: a\n  type: truefalse\n  prompt: p\n  explain: e\n  answer: true\n  see: '#t'\n```\n\n```quiz\n- id: a\n  type: truefalse\n  prompt: p\n  explain: e\n  answer: true\n```\n"
        let doc = MarkdownParser.parse(md)
        let diags = lintQuizzes(in: doc, file: "t.md", resolveSee: { SeeLinkResolver(anchors: ["t": ["t"]]).resolves($0, from: "t") })
        #expect(diags.map(\.description) == ["t.md:13:3: error: quiz 'a': duplicate question id (first used on line 4)"])
    }
}

@Suite struct QuizLintHookTests {
    @Test func hookCatchesDuplicatesAcrossBlocksOfOneFileOnly() {
        let check = QuizLint.makeCheck()
        let q = "- id: a\n  type: truefalse\n  prompt: p\n  explain: e\n  answer: true\n"
        #expect(check(q, 10, "x.md", { _ in true }).isEmpty)
        #expect(check(q, 10, "y.md", { _ in true }).isEmpty)
        #expect(check(q, 30, "x.md", { _ in true }).map(\.message) == ["quiz 'a': duplicate question id (first used on line 11)"])
    }
}
