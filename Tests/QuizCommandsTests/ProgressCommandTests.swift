import Foundation
import LessonKit
import QuizKit
import StateStore
import Testing
import TestSupport
@testable import QuizCommands

@Suite struct ProgressCommandTests {
    /// A store where tcp has one section read, one wrong and one right answer.
    func storeWithProgress() throws -> ProgressStore {
        let store = try ProgressStore(directory: scratchDirectory())
        let ids = ["syn-flag", "rtt"]
        try store.update {
            $0.markSectionSeen(lesson: "tcp", anchor: "the-three-way-handshake")
            $0.record(QuestionKey(lesson: "tcp", question: "syn-flag"), correct: false, at: fixedNow, lessonQuestions: ids)
            $0.record(QuestionKey(lesson: "tcp", question: "rtt"), correct: true, at: fixedNow, lessonQuestions: ids)
            $0.positions["tcp"] = Position(block: 4, offset: 0)
        }
        return store
    }

    @Test func reportCountsReadSectionsScoresAndDueQuestions() throws {
        let reports = ProgressReport.lessons(course: course, state: try storeWithProgress().state, now: fixedNow)
        let tcp = try #require(reports.first)
        #expect(tcp.sections == 3 && tcp.sectionsSeen == 1)
        #expect(tcp.answered == 2 && tcp.questions == 2)
        #expect(tcp.lastScore == QuizScore(right: 1, total: 2, at: fixedNow))
        #expect(tcp.due == 1)
    }

    @Test func textTableShowsBarsScoresAndDue() throws {
        let console = Console([])
        _ = ProgressCommand.show(course: course, store: try storeWithProgress(), json: false, write: console.write, now: fixedNow)
        #expect(console.output == """
            LESSON  READ              LAST  BEST  DUE
            tcp     ███░░░░░░░   33%  1/2   1/2   1
            dns     ░░░░░░░░░░    0%  no quiz     0
            1 question due for review today: run `nettutor review`.

            """)
    }

    @Test func jsonHasOneEntryPerLessonAndTheTotalDue() throws {
        let console = Console([])
        _ = ProgressCommand.show(course: course, store: try storeWithProgress(), json: true, write: console.write, now: fixedNow)
        let object = try JSONSerialization.jsonObject(with: Data(console.output.utf8)) as? [String: Any]
        let lessons = object?["lessons"] as? [[String: Any]]
        #expect(lessons?.map { $0["id"] as? String } == ["tcp", "dns"])
        #expect(object?["due"] as? Int == 1)
        #expect(console.output.contains("\"at\" : \"2027-01-15T08:00:00Z\""))
    }

    @Test func resetAsksFirstAndKeepsEverythingOnNo() throws {
        let store = try storeWithProgress()
        let console = Console([])
        var asked: [String] = []
        let status = ProgressCommand.reset(lessonID: "tcp", course: course, store: store, yes: false,
                                           confirm: { asked.append($0); return false }, write: console.write, errors: console.error)
        #expect(status == 1)
        #expect(asked == ["Erase all progress for lesson 'tcp' (answers, review schedule, sections read, reading position)? [y/N] "])
        #expect(console.output == "Nothing erased.\n")
        #expect(try ProgressStore(directory: store.directory).state.answeredKeys().count == 2)
    }

    @Test func resetOfOneLessonWithYesDoesNotAsk() throws {
        let store = try storeWithProgress()
        let console = Console([])
        let status = ProgressCommand.reset(lessonID: "tcp", course: course, store: store, yes: true,
                                           confirm: { _ in Issue.record("asked"); return false },
                                           write: console.write, errors: console.error)
        #expect(status == 0)
        let saved = try ProgressStore(directory: store.directory).state
        #expect(saved.answeredKeys().isEmpty && saved.positions["tcp"] == nil)
    }

    @Test func resetEverythingAfterConfirmation() throws {
        let store = try storeWithProgress()
        let console = Console([])
        _ = ProgressCommand.reset(lessonID: nil, course: course, store: store, yes: false, confirm: { _ in true },
                                  write: console.write, errors: console.error)
        #expect(try ProgressStore(directory: store.directory).state == LearnerProgress())
        #expect(console.output == "Erased all progress.\n")
    }

    @Test func resetOfAnUnknownLessonIsStatusTwo() throws {
        let console = Console([])
        let status = ProgressCommand.reset(lessonID: "nope", course: course, store: try storeWithProgress(), yes: true,
                                           confirm: { _ in true }, write: console.write, errors: console.error)
        #expect(status == 2)
        #expect(console.errors == "nettutor: no lesson 'nope' (known: tcp, dns)\n")
    }
}
