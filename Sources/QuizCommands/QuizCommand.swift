import Foundation
import LessonKit
import QuizKit
import StateStore

/// The line-by-line side of `nettutor quiz <id>` and `nettutor review` (stdin not a
/// terminal). The lead's ArgumentParser commands call these; the terminal side uses
/// `QuizSession` (module QuizUI).
public enum QuizCommand {
    /// The title and questions of `nettutor quiz <id>`, for the line runner and for
    /// `QuizSession` in the terminal.
    public static func quizItems(lessonID: String, course: Course) throws(UnknownLesson) -> (title: String, items: [QuizItem]) {
        let quizzes = CourseQuizzes(course: course)
        guard let entry = quizzes.entry(lessonID) else {
            throw UnknownLesson(id: lessonID, known: course.lessons.map(\.id))
        }
        return ("Quiz: \(entry.lesson.meta.title)", quizzes.items(lesson: lessonID))
    }

    /// `nettutor quiz <id>` without a terminal. Every answer is saved at once; with no
    /// store (the state directory is unusable) the quiz runs without saving.
    /// - Returns: the exit status (0, or 2 for an unknown lesson after printing to `errors`).
    public static func runLines(lessonID: String, course: Course, store: ProgressStore?,
                                readLine: () -> String?, write: (String) -> Void, errors: @escaping (String) -> Void,
                                seed: UInt64? = nil, now: @escaping () -> Date = Date.init) -> Int32 {
        let quiz: (title: String, items: [QuizItem])
        do {
            quiz = try quizItems(lessonID: lessonID, course: course)
        } catch {
            errors(error.description + "\n")
            return 2
        }
        guard !quiz.items.isEmpty else {
            write("The lesson '\(lessonID)' has no quiz questions.\n")
            return 0
        }
        run(LineQuiz(title: quiz.title, items: quiz.items), store: store, readLine: readLine, write: write,
            errors: errors, seed: seed, now: now)
        return 0
    }

    /// `nettutor review` without a terminal: today's due questions across the course.
    public static func reviewLines(course: Course, store: ProgressStore?, readLine: () -> String?,
                                   write: (String) -> Void, errors: @escaping (String) -> Void,
                                   seed: UInt64? = nil, now: @escaping () -> Date = Date.init) -> Int32 {
        let items = dueItems(course: course, state: store?.state ?? LearnerProgress(), now: now())
        guard !items.isEmpty else {
            write("Nothing to review today.\n")
            return 0
        }
        run(LineQuiz(title: "Review", items: items), store: store, readLine: readLine, write: write,
            errors: errors, seed: seed, now: now)
        return 0
    }

    /// The questions `nettutor review` asks now (also for the TUI's review session).
    public static func dueItems(course: Course, state: LearnerProgress, now: Date) -> [QuizItem] {
        ReviewQueue.due(state: state, lessons: CourseQuizzes(course: course).questionTable,
                        dueBy: ReviewQueue.endOfDay(now))
    }

    /// Saves one answer; the closure the quiz views and runners call.
    public static func recorder(store: ProgressStore, errors: @escaping (String) -> Void,
                                now: @escaping () -> Date = Date.init) -> (QuizItem, Bool) -> Void {
        var reported = false
        return { item, correct in
            do {
                try store.update { $0.record(item.key, correct: correct, at: now(), lessonQuestions: item.lessonQuestions) }
            } catch {
                // Said once: the quiz goes on, answers stay in memory for this run.
                if !reported { errors("nettutor: \(error)\n") }
                reported = true
            }
        }
    }

    static func run(_ quiz: LineQuiz, store: ProgressStore?, readLine: () -> String?, write: (String) -> Void,
                    errors: @escaping (String) -> Void, seed: UInt64?, now: @escaping () -> Date) {
        var generator = SplitMix64(seed: seed ?? UInt64.random(in: 0...UInt64.max))
        let record = store.map { recorder(store: $0, errors: errors, now: now) } ?? { _, _ in }
        _ = quiz.run(readLine: readLine, write: write, record: record, generator: &generator)
    }
}
