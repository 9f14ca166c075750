import Foundation
import LessonKit
import QuizKit

/// One lesson's progress, as the home screen's bars, `nettutor progress` and
/// `nettutor list --json` show it.
public struct LessonReport: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    /// Share of the lesson's headings the reader has shown, 0...1.
    public var read: Double
    public var sectionsSeen: Int
    public var sections: Int
    public var questions: Int
    /// Questions answered at least once.
    public var answered: Int
    public var lastScore: QuizScore?
    public var bestScore: QuizScore?
    /// Questions due for review by the end of today.
    public var due: Int
}

/// `nettutor progress [--json]`: pure functions from the course and the state to text.
public enum ProgressReport {
    public static func lessons(course: Course, state: LearnerProgress, now: Date) -> [LessonReport] {
        lessons(quizzes: CourseQuizzes(course: course), state: state, now: now)
    }

    public static func lessons(quizzes: CourseQuizzes, state: LearnerProgress, now: Date) -> [LessonReport] {
        let dueBy = ReviewQueue.endOfDay(now)
        return quizzes.entries.map { entry in
            let id = entry.lesson.id
            let progress = state.lessons[id] ?? LessonRecord()
            let sections = Set(entry.anchors)
            let answered = entry.questions.filter { state.progress(of: QuestionKey(lesson: id, question: $0.id)) != nil }.count
            return LessonReport(
                id: id, title: entry.lesson.meta.title, read: progress.readShare(of: entry.anchors),
                sectionsSeen: sections.intersection(progress.sectionsSeen).count, sections: sections.count,
                questions: entry.questions.count, answered: answered,
                lastScore: progress.lastScore, bestScore: progress.bestScore,
                due: ReviewQueue.dueCount(state: state, lesson: id, questions: entry.questions, dueBy: dueBy))
        }
    }

    /// A bar of `width` cells: `██████░░░░`.
    public static func bar(_ share: Double, width: Int) -> String {
        let filled = Int((max(0, min(1, share)) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// The table `nettutor progress` prints.
    public static func text(_ reports: [LessonReport]) -> String {
        let idWidth = max(6, reports.map(\.id.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        func score(_ s: QuizScore?) -> String { s.map { "\($0.right)/\($0.total)" } ?? "-" }
        // READ is the bar plus the percentage; LAST and BEST are quiz scores.
        var out = pad("LESSON", idWidth) + "  " + pad("READ", 16) + "  " + pad("LAST", 6) + pad("BEST", 6) + "DUE\n"
        for r in reports {
            let percent = String(Int((r.read * 100).rounded())) + "%"
            let read = bar(r.read, width: 10) + String(repeating: " ", count: 6 - percent.count) + percent
            let quiz = r.questions == 0 ? pad("no quiz", 12) : pad(score(r.lastScore), 6) + pad(score(r.bestScore), 6)
            out += pad(r.id, idWidth) + "  " + read + "  " + quiz + String(r.due) + "\n"
        }
        let due = reports.reduce(0) { $0 + $1.due }
        out += due == 0 ? "Nothing due for review today.\n"
            : "\(due) question\(due == 1 ? "" : "s") due for review today: run `nettutor review`.\n"
        return out
    }

    /// `nettutor progress --json`: `{"lessons": [...], "due": N}`, dates in ISO 8601.
    public static func json(_ reports: [LessonReport]) -> String {
        struct Document: Encodable {
            var lessons: [LessonReport]
            var due: Int
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        let doc = Document(lessons: reports, due: reports.reduce(0) { $0 + $1.due })
        // Encoding plain structs of strings and numbers cannot fail.
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
