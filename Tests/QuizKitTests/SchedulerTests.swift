import Foundation
import Testing
@testable import QuizKit

let t0 = Date(timeIntervalSince1970: 1_800_000_000)
let day = 86_400.0

@Suite struct SchedulerTests {
    /// Feeds answers one after another, each on the day the question falls due.
    func run(_ answers: [Bool]) -> [ReviewSchedule] {
        var out: [ReviewSchedule] = []
        var s: ReviewSchedule?
        var time = t0
        for a in answers {
            let next = SM2.next(s, correct: a, at: time)
            out.append(next)
            s = next
            time = next.due
        }
        return out
    }

    @Test func rightAnswersGrowIntervalsOneSixThenTimesEasiness() {
        #expect(run([true, true, true, true]).map(\.intervalDays) == [1, 6, 15, 38])
    }

    @Test func rightAnswerGradedFourKeepsEasiness() {
        #expect(run([true, true]).map(\.easiness) == [2.5, 2.5])
    }

    @Test func wrongAnswerIsDueAtOnceAndRestartsRepetitions() {
        let s = run([true, true, false])
        #expect(s[2].intervalDays == 0)
        #expect(s[2].repetitions == 0)
        #expect(s[2].due == s[1].due)
    }

    @Test func wrongAnswerLowersEasinessBySM2Formula() {
        let s = SM2.next(nil, correct: false, at: t0)
        #expect(abs(s.easiness - 1.96) < 1e-9)
    }

    @Test func easinessNeverDropsBelowOnePointThree() {
        #expect(run([false, false, false, false]).last?.easiness == 1.3)
    }

    @Test func afterAMissIntervalsRestartWithLowerGrowth() {
        // EF 2.5 -> 1.96 after the miss: 1, 6, then 6 * 1.96 = 11.76 -> 12.
        #expect(run([false, true, true, true]).map(\.intervalDays) == [0, 1, 6, 12])
    }

    @Test func dueIsIntervalDaysAfterTheAnswer() {
        let s = SM2.next(nil, correct: true, at: t0)
        #expect(s.due == t0.addingTimeInterval(day))
    }
}

@Suite struct LearnerProgressTests {
    let key = QuestionKey(lesson: "tcp", question: "syn")

    @Test func recordKeepsTheAnswerLogAndSchedule() {
        var s = LearnerProgress()
        s.record(key, correct: false, at: t0)
        s.record(key, correct: true, at: t0.addingTimeInterval(60))
        #expect(s.progress(of: key)?.answers.map(\.correct) == [false, true])
        #expect(s.progress(of: key)?.schedule.intervalDays == 1)
    }

    @Test func lastScoreCountsLatestAnswersAndBestKeepsTheMaximum() {
        var s = LearnerProgress()
        let ids = ["syn", "ack"]
        s.record(QuestionKey(lesson: "tcp", question: "syn"), correct: true, at: t0, lessonQuestions: ids)
        s.record(QuestionKey(lesson: "tcp", question: "ack"), correct: true, at: t0, lessonQuestions: ids)
        s.record(QuestionKey(lesson: "tcp", question: "syn"), correct: false, at: t0, lessonQuestions: ids)
        #expect(s.lessons["tcp"]?.lastScore.map { [$0.right, $0.total] } == [1, 2])
        #expect(s.lessons["tcp"]?.bestScore.map { [$0.right, $0.total] } == [2, 2])
    }

    @Test func answerLogIsCapped() {
        var s = LearnerProgress()
        for i in 0..<(LearnerProgress.answersKept + 5) { s.record(key, correct: true, at: t0.addingTimeInterval(Double(i))) }
        #expect(s.progress(of: key)?.answers.count == LearnerProgress.answersKept)
    }

    @Test func readShareCountsSeenHeadingsOfTheLesson() {
        var s = LearnerProgress()
        s.markSectionSeen(lesson: "tcp", anchor: "a")
        s.markSectionSeen(lesson: "tcp", anchor: "gone")
        #expect(s.lessons["tcp"]?.readShare(of: ["a", "b", "c", "d"]) == 0.25)
    }

    @Test func resetOfOneLessonKeepsTheOthers() {
        var s = LearnerProgress()
        s.record(key, correct: true, at: t0)
        s.record(QuestionKey(lesson: "dns", question: "q"), correct: true, at: t0)
        s.positions["tcp"] = Position(block: 3, offset: 1)
        s.reset(lesson: "tcp")
        #expect(s.answeredKeys().map(\.description) == ["dns/q"])
        #expect(s.positions["tcp"] == nil)
    }
}

@Suite struct SchedulerCeilingTests {
    @Test func intervalsStopGrowingAtTheCeiling() {
        var s: ReviewSchedule?
        for _ in 0..<60 { s = SM2.next(s, correct: true, at: t0) }
        #expect(s?.intervalDays == SM2.maximumIntervalDays)
    }
}

@Suite struct ReviewQueueTests {
    let questions = parse(sampleQuiz).questions

    @Test func onlyAnsweredQuestionsThatAreDueComeBackMissedFirst() {
        var s = LearnerProgress()
        s.record(QuestionKey(lesson: "tcp", question: "tf"), correct: true, at: t0)              // due t0 + 1 day
        s.record(QuestionKey(lesson: "tcp", question: "syn-flag"), correct: true, at: t0 - 5 * day) // due t0 - 4 days
        s.record(QuestionKey(lesson: "tcp", question: "port"), correct: false, at: t0)            // due at once
        let due = ReviewQueue.due(state: s, lessons: [("tcp", questions)], dueBy: t0 + 60)
        #expect(due.map(\.question.id) == ["port", "syn-flag"])
    }

    @Test func questionsNoLongerInTheLessonAreSkipped() {
        var s = LearnerProgress()
        s.record(QuestionKey(lesson: "tcp", question: "removed"), correct: false, at: t0)
        #expect(ReviewQueue.due(state: s, lessons: [("tcp", questions)], dueBy: t0 + day).isEmpty)
    }
}
