import Foundation
import Testing
import TestSupport
@testable import QuizKit

/// Runs a line quiz over `input` lines; returns the whole output and what was recorded.
func runLines(_ items: [QuizItem], _ input: [String], seed: UInt64 = 1) -> (output: String, recorded: [String], outcome: QuizOutcome) {
    var lines = input[...]
    var output = ""
    var recorded: [String] = []
    var generator = SplitMix64(seed: seed)
    let outcome = LineQuiz(title: "Quiz: TCP", items: items).run(
        readLine: { lines.popFirst() }, write: { output += $0 },
        record: { recorded.append("\($0.key)=\($1)") }, generator: &generator)
    return (output, recorded, outcome)
}

let tcpQuestions = parse(sampleQuiz).questions
let tcpItems = QuizItem.all(in: "tcp", questions: tcpQuestions)

@Suite struct AnswerParserTests {
    @Test func singleTakesOneNumberInRange() throws {
        let q = tcpQuestions[2]
        #expect(try AnswerParser.parse(" 2 ", for: q).get() == .picks([1]))
        #expect(throws: AnswerProblem("Answer with one option number, 1 to 2.")) { try AnswerParser.parse("3", for: q).get() }
        #expect(throws: AnswerProblem.self) { try AnswerParser.parse("1,2", for: q).get() }
    }

    @Test func multipleTakesCommasOrSpaces() throws {
        let q = tcpQuestions[5]
        #expect(try AnswerParser.parse("1,3", for: q).get() == .picks([0, 2]))
        #expect(try AnswerParser.parse("3 1", for: q).get() == .picks([0, 2]))
        #expect(try AnswerParser.parse("1, 2", for: q).get() == .picks([0, 1]))
    }

    @Test func multipleRejectsRepeatsAndWords() throws {
        let q = tcpQuestions[5]
        #expect(throws: AnswerProblem.self) { try AnswerParser.parse("1,1", for: q).get() }
        #expect(throws: AnswerProblem.self) { try AnswerParser.parse("one", for: q).get() }
    }

    @Test func orderMapsListedNumbersToItems() throws {
        let q = tcpQuestions[0]
        // Listed as ACK, SYN, SYN+ACK: the right answer is "2 3 1".
        #expect(try AnswerParser.parse("2 3 1", for: q, shown: [2, 0, 1]).get() == .order([0, 1, 2]))
    }

    @Test func orderNeedsEveryNumberOnce() throws {
        let q = tcpQuestions[0]
        #expect(throws: AnswerProblem("Give all 3 item numbers once each, in the right order (e.g. 3 2 1).")) {
            try AnswerParser.parse("1 1 2", for: q).get()
        }
    }

    @Test func numberMayCarryItsUnit() throws {
        let q = tcpQuestions[1]
        #expect(try AnswerParser.parse("1 round trip", for: q).get() == .number(1))
        #expect(try AnswerParser.parse("1.5", for: q).get() == .number(1.5))
        #expect(throws: AnswerProblem.self) { try AnswerParser.parse("1 or 2", for: q).get() }
        #expect(throws: AnswerProblem.self) { try AnswerParser.parse("inf", for: q).get() }
    }

    @Test func emptyLineIsNotAnAnswer() throws {
        #expect(throws: AnswerProblem.self) { try AnswerParser.parse("   ", for: tcpQuestions[4]).get() }
    }

    @Test func trueFalseTakesNumbersOrWords() throws {
        let q = tcpQuestions[3]
        #expect(try AnswerParser.parse("2", for: q).get() == .truth(false))
        #expect(try AnswerParser.parse("True", for: q).get() == .truth(true))
    }
}

@Suite struct LineQuizTests {
    @Test func orderItemsAreNeverListedInTheRightOrder() throws {
        var g = SplitMix64(seed: 7)
        for _ in 0..<50 { #expect(tcpQuestions[0].listedOrder(using: &g) != [0, 1, 2]) }
    }

    /// The line that answers the order question right when the run uses `seed`.
    func rightOrder(seed: UInt64) -> String {
        var g = SplitMix64(seed: seed)
        let listed = tcpQuestions[0].listedOrder(using: &g)
        return (0..<3).map { String(listed.firstIndex(of: $0)! + 1) }.joined(separator: " ")
    }

    @Test func fullRunEndsWithScoreLine() throws {
        let run = runLines(tcpItems, [rightOrder(seed: 1), "1", "1", "false", "port 80", "1,2"])
        #expect(run.outcome == QuizOutcome(right: 6, answered: 6, total: 6))
        #expect(run.output.hasSuffix("\nscore: 6/6\n"))
    }

    @Test func transcriptMatchesSnapshot() throws {
        let run = runLines(tcpItems, ["", "2 1 3", "1", "2", "maybe", "false", "PORT   80", "1,3"])
        try expectSnapshot(run.output, named: "line-quiz-transcript")
    }

    @Test func answerThatDoesNotFitIsExplainedAndAskedAgain() throws {
        let run = runLines([tcpItems[2]], ["7", "1"])
        #expect(run.output.contains("answer> Answer with one option number, 1 to 2.\nanswer> right."))
        #expect(run.outcome.right == 1)
    }

    @Test func wrongPickShowsItsWhyAndTheAnswer() throws {
        let run = runLines([tcpItems[2]], ["2"])
        #expect(run.output.contains("wrong. The answer: 1. SYN\nYou picked \"ACK\": Nothing to acknowledge yet.\nSYN opens.\n"))
    }

    @Test func endOfInputEndsWithTheScoreSoFar() throws {
        let run = runLines(tcpItems, ["1"], seed: 3)
        // The first question is the order question: "1" is not a full order, then input ends.
        #expect(run.outcome.answered == 0)
        #expect(run.output.hasSuffix("score: 0/0\n(stopped after 0 of 6 questions)\n"))
    }

    @Test func everyAnswerIsRecordedAsItIsGiven() throws {
        let run = runLines(Array(tcpItems[1...3]), ["1", "2", "true"])
        #expect(run.recorded == ["tcp/handshake-rtt=true", "tcp/syn-flag=false", "tcp/tf=false"])
    }

    @Test func missedQuestionsAreListedWithTheirSeeLinks() throws {
        // "1 2 3" is never right: the items are never listed in the right order.
        let run = runLines([tcpItems[0]], ["1 2 3"], seed: 5)
        #expect(run.output.hasSuffix("score: 0/1\nmissed:\n  - tcp/handshake-order: Put the segments in order. (see tcp.md#the-three-way-handshake)\n"))
    }
}
