import Foundation
import LessonKit
import QuizKit
import StateStore

/// `nettutor progress [--json]` and `nettutor progress --reset [<id>] [--yes]`.
public enum ProgressCommand {
    /// Prints the progress table (or JSON). Exit status 0.
    public static func show(course: Course, store: ProgressStore, json: Bool, write: (String) -> Void,
                            now: Date = Date()) -> Int32 {
        let reports = ProgressReport.lessons(course: course, state: store.state, now: now)
        write(json ? ProgressReport.json(reports) : ProgressReport.text(reports))
        return 0
    }

    /// Erases one lesson's progress (answers, review schedule, sections read, reading
    /// position) or everything. Asks `confirm` first unless `yes`; the lead passes a closure
    /// that prints the question and reads y/N from the terminal (false when there is none).
    /// - Returns: 0 when erased, 1 when the learner said no, 2 for an unknown lesson,
    ///   1 when the state could not be saved.
    public static func reset(lessonID: String?, course: Course, store: ProgressStore, yes: Bool,
                             confirm: (String) -> Bool, write: (String) -> Void, errors: (String) -> Void) -> Int32 {
        // A lesson that left the course can still be reset while the state mentions it.
        if let id = lessonID, course.lesson(id: id) == nil, !mentions(store.state, lesson: id) {
            errors(UnknownLesson(id: id, known: course.lessons.map(\.id)).description + "\n")
            return 2
        }
        let what = lessonID.map { "all progress for lesson '\($0)' (answers, review schedule, sections read, reading position)" }
            ?? "all progress for every lesson (answers, review schedule, sections read, reading positions)"
        if !yes && !confirm("Erase \(what)? [y/N] ") {
            write("Nothing erased.\n")
            return 1
        }
        do {
            try store.update { $0.reset(lesson: lessonID) }
        } catch {
            errors("nettutor: \(error)\n")
            return 1
        }
        write(lessonID.map { "Erased the progress of '\($0)'.\n" } ?? "Erased all progress.\n")
        return 0
    }

    static func mentions(_ state: LearnerProgress, lesson id: String) -> Bool {
        state.lessons[id] != nil || state.positions[id] != nil || !state.answeredKeys(lesson: id).isEmpty
    }
}
