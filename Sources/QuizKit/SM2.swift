import Foundation

/// When a question should come back, per SM-2 (P. A. Woźniak, 1990, the SuperMemo 2
/// algorithm: "Optimization of learning", §3.2).
///
/// Grades: SM-2 rates recall 0...5. A quiz only knows right or wrong, so a right answer is
/// graded 4 ("correct response after a hesitation": the E-Factor stays as it is) and a wrong
/// one 1 ("incorrect response; the correct one remembered": the E-Factor drops by 0.54).
/// Intervals are 1 day, 6 days, then the previous interval times the E-Factor, rounded.
/// A wrong answer restarts the repetitions; following SM-2's step 7 ("repeat again all items
/// that scored below four" the same day) it is due again at once, so a missed question is at
/// the front of the next review.
public struct ReviewSchedule: Codable, Equatable, Sendable {
    /// Right answers in a row since the last wrong one.
    public var repetitions: Int
    /// SM-2's E-Factor: how fast intervals grow; never below 1.3.
    public var easiness: Double
    public var intervalDays: Int
    public var due: Date

    public init(repetitions: Int = 0, easiness: Double = 2.5, intervalDays: Int = 0, due: Date) {
        self.repetitions = repetitions
        self.easiness = easiness
        self.intervalDays = intervalDays
        self.due = due
    }
}

public enum SM2 {
    public static let rightGrade = 4
    public static let wrongGrade = 1
    public static let initialEasiness = 2.5
    public static let minimumEasiness = 1.3
    /// SM-2 sets no ceiling; ours keeps a long run of right answers from overflowing dates.
    public static let maximumIntervalDays = 3650

    /// The schedule after an answer given at `time`; `previous` is nil for a first answer.
    public static func next(_ previous: ReviewSchedule?, correct: Bool, at time: Date) -> ReviewSchedule {
        let q = correct ? rightGrade : wrongGrade
        var s = previous ?? ReviewSchedule(due: time)
        if q >= 3 {
            switch s.repetitions {
            case 0: s.intervalDays = 1
            case 1: s.intervalDays = 6
            // I(n) = I(n-1) * EF, with the E-Factor from before this answer.
            default: s.intervalDays = Int(min(Double(maximumIntervalDays), (Double(s.intervalDays) * s.easiness).rounded()))
            }
            s.repetitions += 1
        } else {
            s.repetitions = 0
            s.intervalDays = 0
        }
        // EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), floored at 1.3.
        let miss = Double(5 - q)
        s.easiness = max(minimumEasiness, s.easiness + 0.1 - miss * (0.08 + miss * 0.02))
        s.due = time.addingTimeInterval(Double(s.intervalDays) * 86_400)
        return s
    }
}
