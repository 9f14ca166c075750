import LessonKit
import QuizKit

/// The questions of every lesson, parsed once per command.
public struct CourseQuizzes: Sendable {
    public struct Entry: Sendable {
        public var lesson: Lesson
        public var questions: [Question]
        /// Heading anchors, for the read share.
        public var anchors: [String]
    }

    public var entries: [Entry]

    public init(course: Course) {
        entries = course.lessons.map { lesson in
            let document = lesson.document()
            return Entry(lesson: lesson, questions: QuizBlocks.questions(in: document, file: lesson.path),
                         anchors: QuizBlocks.anchors(in: document))
        }
    }

    public func entry(_ id: String) -> Entry? {
        entries.first { $0.lesson.id == id }
    }

    public func items(lesson id: String) -> [QuizItem] {
        entry(id).map { QuizItem.all(in: id, questions: $0.questions) } ?? []
    }

    public var questionTable: [(id: String, questions: [Question])] {
        entries.map { ($0.lesson.id, $0.questions) }
    }
}

/// A lesson id that is not in the course: one line for stderr, exit status 2.
public struct UnknownLesson: Error, CustomStringConvertible, Equatable {
    public var id: String
    public var known: [String]

    public var description: String {
        "nettutor: no lesson '\(id)' (known: \(known.joined(separator: ", ")))"
    }
}
