import BundledCourse
import LessonKit

/// Where lessons come from: the built-in course, or `--lessons DIR`.
enum CourseSource {
    static func load(_ options: GlobalOptions) throws -> Course {
        if let dir = options.lessonsDirectory {
            return try Course.load(directory: dir)
        }
        return bundled()
    }

    static var bundledFiles: [(path: String, text: String)] {
        BundledCourse.files.map { (path: "Lessons/" + $0.name, text: $0.text) }
    }

    static func bundled() -> Course {
        Course(files: bundledFiles, origin: "built-in course")
    }
}
