import Foundation
import Testing
@testable import QuizKit

@Suite struct MergeTests {
    let syn = QuestionKey(lesson: "tcp", question: "syn")
    let ack = QuestionKey(lesson: "tcp", question: "ack")

    @Test func answersFromBothCopiesAreKept() {
        var a = LearnerProgress()
        var b = LearnerProgress()
        a.record(syn, correct: true, at: t0)
        b.record(ack, correct: false, at: t0)
        a.merge(b)
        #expect(a.answeredKeys() == [ack, syn])
    }

    @Test func logsOfTheSameQuestionAreUnitedInTimeOrderAndTheScheduleReplayed() {
        var a = LearnerProgress()
        var b = LearnerProgress()
        a.record(syn, correct: true, at: t0)
        b.record(syn, correct: true, at: t0)
        b.record(syn, correct: true, at: t0 + 6 * day)   // b saw one more right answer
        a.record(syn, correct: false, at: t0 + 2 * day)  // a saw a miss in between
        a.merge(b)
        let p = a.progress(of: syn)
        #expect(p?.answers.map(\.correct) == [true, false, true])
        // Replayed: right (1 day), wrong (restart), right (1 day again).
        #expect(p?.schedule.intervalDays == 1)
        #expect(p?.schedule.due == t0 + 7 * day)
    }

    @Test func mergingTheSameCopyChangesNothing() {
        var a = LearnerProgress()
        a.record(syn, correct: true, at: t0, lessonQuestions: ["syn"])
        a.markSectionSeen(lesson: "tcp", anchor: "x")
        let before = a
        a.merge(before)
        #expect(a == before)
    }

    @Test func sectionsUniteAndTheOtherCopysPositionWins() {
        var disk = LearnerProgress()
        var app = LearnerProgress()
        disk.markSectionSeen(lesson: "tcp", anchor: "a")
        disk.positions["tcp"] = Position(block: 1, offset: 0)
        disk.positions["dns"] = Position(block: 9, offset: 0)
        app.markSectionSeen(lesson: "tcp", anchor: "b")
        app.positions["tcp"] = Position(block: 5, offset: 2)
        disk.merge(app)
        #expect(disk.lessons["tcp"]?.sectionsSeen == ["a", "b"])
        #expect(disk.positions == ["tcp": Position(block: 5, offset: 2), "dns": Position(block: 9, offset: 0)])
    }

    @Test func bestScoreIsTheHigherAndLastScoreTheLater() {
        var a = LearnerProgress()
        var b = LearnerProgress()
        a.lessons["tcp"] = LessonRecord(bestScore: QuizScore(right: 3, total: 4, at: t0), lastScore: QuizScore(right: 3, total: 4, at: t0))
        b.lessons["tcp"] = LessonRecord(bestScore: QuizScore(right: 1, total: 4, at: t0 + day), lastScore: QuizScore(right: 1, total: 4, at: t0 + day))
        a.merge(b)
        #expect(a.lessons["tcp"]?.bestScore?.right == 3)
        #expect(a.lessons["tcp"]?.lastScore?.right == 1)
    }
}
