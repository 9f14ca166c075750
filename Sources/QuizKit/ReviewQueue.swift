import Foundation

/// Today's review: answered questions whose SM-2 due date has come, missed ones first, then
/// the longest overdue. Questions never answered are not in the review (the lesson's quiz
/// introduces them); questions no longer in any lesson are skipped.
public enum ReviewQueue {
    /// - Parameter lessons: each lesson's id and questions, in course order.
    /// - Parameter dueBy: usually the end of today, so everything due today is in.
    public static func due(state: LearnerProgress, lessons: [(id: String, questions: [Question])], dueBy: Date) -> [QuizItem] {
        var found: [(item: QuizItem, missed: Bool, due: Date)] = []
        for lesson in lessons {
            let items = QuizItem.all(in: lesson.id, questions: lesson.questions)
            for item in items {
                guard let progress = state.progress(of: item.key), let last = progress.answers.last,
                      progress.schedule.due <= dueBy else { continue }
                found.append((item, !last.correct, progress.schedule.due))
            }
        }
        found.sort { a, b in
            if a.missed != b.missed { return a.missed }
            if a.due != b.due { return a.due < b.due }
            return a.item.key < b.item.key
        }
        return found.map(\.item)
    }

    /// How many of a lesson's questions are due by `dueBy`.
    public static func dueCount(state: LearnerProgress, lesson: String, questions: [Question], dueBy: Date) -> Int {
        due(state: state, lessons: [(lesson, questions)], dueBy: dueBy).count
    }

    /// The end of the local day containing `date` (the review's cut-off).
    public static func endOfDay(_ date: Date, calendar: Calendar = .current) -> Date {
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: 1, to: start)?.addingTimeInterval(-1) ?? date
    }
}
