import QuizKit
import Render
import Testing
import TestSupport
@testable import QuizUI

@Suite struct QuizSessionTests {
    func drawn(_ s: QuizSession, width: Int = 60, height: Int = 18) -> String {
        var buffer = ScreenBuffer(width: width, height: height)
        s.draw(into: &buffer)
        var text = buffer.text()
        if let c = buffer.cursor { text += "\ncursor: \(c.row),\(c.column)" }
        return text + "\n"
    }

    @Test func firstQuestionScreen() throws {
        let s = QuizSession(title: "Quiz: TCP", items: Array(fixtureItems[0...1]), seed: 1, onAnswer: { _, _ in })
        try expectSnapshot(drawn(s), named: "session-first")
    }

    @Test func everyAnswerIsReportedAtOnce() {
        var seen: [String] = []
        let s = QuizSession(title: "Quiz: TCP", items: Array(fixtureItems[0...1]), seed: 1,
                            onAnswer: { seen.append("\($0.key)=\($1)") })
        _ = s.handle(.char("2"))
        _ = s.handle(.enter)
        #expect(seen == ["tcp/syn-flag=false"])
    }

    @Test func summaryListsScoreAndMissedQuestionsWithLinks() throws {
        let s = QuizSession(title: "Quiz: TCP", items: Array(fixtureItems[0...1]), seed: 1, onAnswer: { _, _ in })
        for key in [Key.char("3"), .enter, .enter, .char("2"), .char("3"), .enter, .enter] { _ = s.handle(key) }
        #expect(s.finished)
        #expect(s.outcome.scoreLine == "score: 1/2")
        try expectSnapshot(drawn(s), named: "session-summary")
        #expect(s.handle(.enter) == .close)
    }

    @Test func textQuestionPlacesTheTerminalCursor() throws {
        let s = QuizSession(title: "Quiz: TCP", items: [fixtureItems[4]], seed: 1, onAnswer: { _, _ in })
        _ = s.handle(.char("1"))
        _ = s.handle(.char("q"))
        #expect(s.finished == false)
        try expectSnapshot(drawn(s), named: "session-number-input")
    }

    @Test func escapeLeaves() {
        let s = QuizSession(title: "Quiz", items: fixtureItems, seed: 1, onAnswer: { _, _ in })
        #expect(s.handle(.escape) == .close)
    }

    @Test func noSecondTryInsideARun() {
        var count = 0
        let s = QuizSession(title: "Quiz", items: fixtureItems, seed: 1, onAnswer: { _, _ in count += 1 })
        for key in [Key.char("2"), .enter, .char("r"), .char("1"), .enter] { _ = s.handle(key) }
        #expect(count == 1)
    }
}
