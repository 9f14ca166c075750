import Testing
@testable import QuizKit

func question(_ kind: QuestionKind) -> Question {
    Question(id: "q", prompt: "p", explain: "because", see: "#s", kind: kind)
}

let multipleQ = question(.multiple(options: [
    Option(text: "A", correct: true), Option(text: "B", correct: true, why: "B is needed"),
    Option(text: "C", why: "C is wrong"),
]))

@Suite struct GradingTests {
    @Test func singleRightPick() {
        let q = question(.single(options: [Option(text: "x"), Option(text: "y", correct: true)]))
        #expect(q.grade(.picks([1])).correct)
    }

    @Test func singleWrongPickShowsItsWhy() {
        let q = question(.single(options: [Option(text: "x", why: "x is wrong"), Option(text: "y", correct: true)]))
        let f = q.grade(.picks([0]))
        #expect(!f.correct)
        #expect(f.notes == [FeedbackNote(kind: .picked, choice: "x", text: "x is wrong")])
        #expect(f.explain == "because")
        #expect(f.expected == "2. y")
    }

    @Test func multipleAllAndOnlyCorrectIsRight() {
        #expect(multipleQ.grade(.picks([0, 1])).correct)
    }

    @Test func multiplePartialPickIsWrongAndShowsWhyOfMissedOption() {
        let f = multipleQ.grade(.picks([0]))
        #expect(!f.correct)
        #expect(f.notes == [FeedbackNote(kind: .missed, choice: "B", text: "B is needed")])
    }

    @Test func multipleWithAnExtraWrongPickIsWrong() {
        let f = multipleQ.grade(.picks([0, 1, 2]))
        #expect(!f.correct)
        #expect(f.notes == [FeedbackNote(kind: .picked, choice: "C", text: "C is wrong")])
    }

    @Test func multipleWithNoPickIsWrong() {
        #expect(!multipleQ.grade(.picks([])).correct)
    }

    @Test func trueFalseWrongValueShowsWhy() {
        let q = question(.trueFalse(answer: false, why: "no retransmission"))
        #expect(q.grade(.truth(false)).correct)
        let f = q.grade(.truth(true))
        #expect(!f.correct && f.notes == [FeedbackNote(kind: .general, text: "no retransmission")])
    }

    @Test func orderOnlyTheExactSequenceIsRight() {
        let q = question(.order(items: ["SYN", "SYN+ACK", "ACK"], why: nil))
        #expect(q.grade(.order([0, 1, 2])).correct)
        #expect(!q.grade(.order([1, 0, 2])).correct)
        #expect(q.expectedAnswer == "SYN → SYN+ACK → ACK")
    }

    @Test func textIgnoresCaseAndOuterAndRepeatedSpaces() {
        let q = question(.text(answers: ["Three-way handshake"], why: nil))
        #expect(q.grade(.text("  three-WAY   handshake \n")).correct)
        #expect(q.grade(.text("three-way\thandshake")).correct)
    }

    @Test func textDoesNotIgnoreInnerPunctuation() {
        let q = question(.text(answers: ["three-way handshake"], why: nil))
        #expect(!q.grade(.text("threeway handshake")).correct)
    }

    @Test func textAcceptsAnyVariant() {
        let q = question(.text(answers: ["80", "port 80"], why: nil))
        #expect(q.grade(.text("Port 80")).correct)
        #expect(!q.grade(.text("8080")).correct)
    }

    @Test func numberToleranceIsInclusiveAtBothEdges() {
        let q = question(.number(answer: 100, tolerance: 5, unit: "ms", why: nil))
        #expect(q.grade(.number(95)).correct)
        #expect(q.grade(.number(105)).correct)
        #expect(!q.grade(.number(105.01)).correct)
        #expect(!q.grade(.number(94.99)).correct)
        #expect(q.expectedAnswer == "100 ± 5 ms")
    }

    @Test func numberExactWithZeroToleranceSurvivesBinaryRounding() {
        let q = question(.number(answer: 0.3, tolerance: 0, unit: nil, why: nil))
        #expect(q.grade(.number(0.1 + 0.2)).correct)
        #expect(!q.grade(.number(0.31)).correct)
    }

    @Test func numberNaNIsWrong() {
        let q = question(.number(answer: 1, tolerance: 1000, unit: nil, why: nil))
        #expect(!q.grade(.number(.nan)).correct)
    }

    @Test func answerOfTheWrongShapeIsWrong() {
        let q = question(.number(answer: 1, tolerance: 0, unit: nil, why: nil))
        #expect(!q.grade(.text("1")).correct)
    }
}
