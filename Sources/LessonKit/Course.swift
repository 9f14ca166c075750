#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a lesson tree could not be opened at all. Shown as one line.
public enum CourseError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case notADirectory(String)
    case unreadable(String, String)
    case empty(String)

    public var description: String {
        switch self {
        case .notFound(let p): return "lessons directory '\(p)' does not exist"
        case .notADirectory(let p): return "'\(p)' is not a directory (--lessons takes a directory of .md files)"
        case .unreadable(let p, let why): return "cannot read lessons directory '\(p)': \(why)"
        case .empty(let p): return "no lessons (*.md with front matter) in '\(p)'"
        }
    }
}

/// The set of lessons the tutor shows, sorted by `order` then id.
public struct Course: Sendable {
    public var lessons: [Lesson]
    /// Files that could not be read as lessons (bad front matter, duplicate ids, ...).
    public var problems: [Diagnostic]
    /// Where the lessons came from, for messages: a directory, or "built-in course".
    public var origin: String

    public init(files: [(path: String, text: String)], origin: String) {
        self.init(read: files.map { ($0.path, Lesson.read(text: $0.text, path: $0.path)) }, origin: origin)
    }

    /// Files already read as lessons (`Lesson.read`), in the order given.
    init(read files: [(path: String, result: (Lesson?, [Diagnostic]))], origin: String) {
        var lessons: [Lesson] = []
        var problems: [Diagnostic] = []
        var seen: [String: String] = [:]
        for file in files {
            let (lesson, diags) = file.result
            problems += diags
            guard let lesson else { continue }
            if let other = seen[lesson.id] {
                problems.append(Diagnostic(file: file.path, line: 2, column: 1,
                                           message: "duplicate lesson id '\(lesson.id)' (also in \(other))"))
                continue
            }
            seen[lesson.id] = file.path
            lessons.append(lesson)
        }
        self.lessons = lessons.sorted { ($0.meta.order, $0.id) < ($1.meta.order, $1.id) }
        self.problems = problems
        self.origin = origin
    }

    public func lesson(id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }

    /// Loads every `*.md` directly inside `directory`.
    public static func load(directory: String) throws -> Course {
        var st = stat()
        guard stat(directory, &st) == 0 else {
            let err = errno
            if err == ENOENT { throw CourseError.notFound(directory) }
            throw CourseError.unreadable(directory, String(cString: strerror(err)))
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw CourseError.notADirectory(directory) }
        guard let dir = opendir(directory) else {
            throw CourseError.unreadable(directory, String(cString: strerror(errno)))
        }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".md") && !name.hasPrefix(".") { names.append(name) }
        }
        closedir(dir)
        var files: [(path: String, result: (Lesson?, [Diagnostic]))] = []
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names.sorted() {
            let path = base + name
            guard let bytes = readRegularFile(path) else { continue }
            files.append((path, Lesson.read(bytes: bytes, path: path)))
        }
        let course = Course(read: files, origin: directory)
        if course.lessons.isEmpty && course.problems.isEmpty { throw CourseError.empty(directory) }
        return course
    }
}

/// Reads a regular file whole (following symlinks); nil for anything else or on error.
public func readRegularFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
    // Read straight into an array of the file's size (one more byte to see the end at
    // once); a file that grew meanwhile gets the rest through a second buffer.
    let expected = max(0, Int(st.st_size)) + 1
    var failed = false
    var out = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
        count = 0
        while count < expected {
            let n = read(fd, buffer.baseAddress! + count, expected - count)
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
                return
            }
            if n == 0 { return }
            count += n
        }
    }
    if failed { return nil }
    if out.count == expected {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
    }
    return out
}
