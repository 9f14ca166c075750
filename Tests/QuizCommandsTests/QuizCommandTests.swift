import Foundation
import LessonKit
import QuizKit
import StateStore
import Testing
import TestSupport
@testable import QuizCommands

@Suite struct QuizCommandTests {
    @Test func lineQuizSavesEveryAnswerToTheStateFile() throws {
        let dir = scratchDirectory()
        let store = try ProgressStore(directory: dir)
        let console = Console(["2", "1"])
        let status = QuizCommand.runLines(lessonID: "tcp", course: course, store: store, readLine: console.readLine,
                                          write: console.write, errors: console.error, seed: 1, now: { fixedNow })
        #expect(status == 0)
        #expect(console.output.contains("score: 1/2\nmissed:\n  - tcp/syn-flag: Which flag does the first segment carry? (see tcp.md#the-three-way-handshake)\n"))
        let saved = try ProgressStore(directory: dir).state
        #expect(saved.progress(of: QuestionKey(lesson: "tcp", question: "syn-flag"))?.answers == [AnswerRecord(at: fixedNow, correct: false)])
        #expect(saved.lessons["tcp"]?.lastScore == QuizScore(right: 1, total: 2, at: fixedNow))
    }

    @Test func unknownLessonIsOneLineAndStatusTwo() throws {
        let store = try ProgressStore(directory: scratchDirectory())
        let console = Console([])
        let status = QuizCommand.runLines(lessonID: "nope", course: course, store: store, readLine: console.readLine,
                                          write: console.write, errors: console.error)
        #expect(status == 2)
        #expect(console.errors == "nettutor: no lesson 'nope' (known: tcp, dns)\n")
    }

    @Test func lessonWithoutQuestionsSaysSo() throws {
        let store = try ProgressStore(directory: scratchDirectory())
        let console = Console([])
        _ = QuizCommand.runLines(lessonID: "dns", course: course, store: store, readLine: console.readLine,
                                 write: console.write, errors: console.error)
        #expect(console.output == "The lesson 'dns' has no quiz questions.\n")
    }

    @Test func reviewAsksTheMissedQuestionAgain() throws {
        let dir = scratchDirectory()
        let store = try ProgressStore(directory: dir)
        let quiz = Console(["2", "1"])
        _ = QuizCommand.runLines(lessonID: "tcp", course: course, store: store, readLine: quiz.readLine,
                                 write: quiz.write, errors: quiz.error, seed: 1, now: { fixedNow })
        let review = Console(["1"])
        _ = QuizCommand.reviewLines(course: course, store: try ProgressStore(directory: dir), readLine: review.readLine,
                                    write: review.write, errors: review.error, seed: 1, now: { fixedNow + 60 })
        #expect(review.output.hasPrefix("Review (1 question)\n"))
        #expect(review.output.contains("Which flag does the first segment carry?"))
        #expect(review.output.hasSuffix("score: 1/1\n"))
    }

    @Test func reviewWithNothingDueSaysSo() throws {
        let console = Console([])
        _ = QuizCommand.reviewLines(course: course, store: try ProgressStore(directory: scratchDirectory()),
                                    readLine: console.readLine, write: console.write, errors: console.error)
        #expect(console.output == "Nothing to review today.\n")
    }
}

@Suite struct QuizCommandWithoutStoreTests {
    @Test func quizRunsWithoutAStore() {
        let console = Console(["1", "1"])
        let status = QuizCommand.runLines(lessonID: "tcp", course: course, store: nil, readLine: console.readLine,
                                          write: console.write, errors: console.error, seed: 1)
        #expect(status == 0)
        #expect(console.output.hasSuffix("score: 2/2\n"))
    }

    @Test func quizItemsNameTheLessonInTheTitle() throws {
        let quiz = try QuizCommand.quizItems(lessonID: "tcp", course: course)
        #expect(quiz.title == "Quiz: TCP")
        #expect(quiz.items.map(\.key.description) == ["tcp/syn-flag", "tcp/rtt"])
    }
}
