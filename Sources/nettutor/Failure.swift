import Render

/// An error a user can meet: printed as one line on stderr, exit status 2.
struct Failure: Error, CustomStringConvertible {
    var description: String
    var status: Int32 = 2

    init(_ description: String, status: Int32 = 2) {
        self.description = description
        self.status = status
    }

    static func unknownLesson(_ id: String, in ids: [String]) -> Failure {
        Failure("no lesson '\(Sanitizer.clean(id))' (lessons: \(ids.joined(separator: ", ")))")
    }
}
