import ArgumentParser
import Foundation
import LessonKit
import Render
import TutorApp

/// Carries out a parsed command.
struct Runner {
    let options: GlobalOptions

    var stateFile: StateFile {
        StateFile(directory: options.stateDirectory ?? StateFile.defaultDirectory())
    }

    var colorAllowed: Bool {
        !options.noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    func course() throws -> Course {
        do {
            return try CourseSource.load(options)
        } catch let error as CourseError {
            throw Failure(error.description)
        }
    }

    func run(_ command: ParsableCommand) throws -> Int32 {
        switch command {
        case let c as Show: return try show(c)
        case let c as List: return try list(c)
        case let c as Lint: return try lint(c)
        case let c as Open: return try interactive(open: c.id)
        case is Home: return try interactive(open: nil)
        default:
            print(Nettutor.helpMessage())
            return 0
        }
    }

    func show(_ c: Show) throws -> Int32 {
        let course = try course()
        guard let lesson = course.lesson(id: c.id) else { throw Failure.unknownLesson(c.id, in: course.lessons.map(\.id)) }
        let isTTY = StandardStreams.isTerminal(1)
        let width = c.width ?? (isTTY ? StandardStreams.terminalWidth() ?? 80 : 80)
        let ansi: Bool
        switch c.color {
        case .always: ansi = true
        case .never: ansi = false
        case .auto: ansi = isTTY && colorAllowed
        }
        let rendered = Layout.render(lesson.document(), width: width)
        var out = Output()
        for line in rendered.lines {
            out.line(ansi ? TextRenderer.ansi(line) : TextRenderer.plain(line))
        }
        out.flush()
        return 0
    }

    func list(_ c: List) throws -> Int32 {
        let course = try course()
        let progress = stateFile.load().state
        var out = Output()
        if c.json {
            var items: [String] = []
            for lesson in course.lessons {
                let p = progress[lesson: lesson.id]
                items.append("{\"id\":\(JSON.quote(lesson.id)),\"title\":\(JSON.quote(lesson.meta.title)),\"summary\":\(JSON.quote(lesson.meta.summary)),\"order\":\(lesson.meta.order),\"minutes\":\(lesson.meta.minutes),\"read\":\(JSON.number(p.readShare))}")
            }
            out.line("[" + items.joined(separator: ",") + "]")
        } else {
            let idWidth = course.lessons.map { $0.id.count }.max() ?? 2
            for lesson in course.lessons {
                let p = progress[lesson: lesson.id]
                let id = lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let read = String(Int((p.readShare * 100).rounded()))
                out.line("\(id)  \(String(repeating: " ", count: max(0, 3 - read.count)))\(read)% read  \(lesson.meta.minutes) min  \(Sanitizer.clean(lesson.meta.title))")
            }
        }
        out.flush()
        return 0
    }

    func lint(_ c: Lint) throws -> Int32 {
        var files: [(path: String, text: String)] = []
        var others: [(path: String, text: String)] = []
        if c.paths.isEmpty {
            if let dir = options.lessonsDirectory {
                files = try readTree(dir)
            } else if FileManager.default.fileExists(atPath: "Lessons") {
                files = try readTree("Lessons")
            } else {
                files = CourseSource.bundled().lessons.isEmpty ? [] : BundledFiles.all
            }
        } else {
            for path in c.paths { files += try readTree(path) }
            // Links may point at lessons next to the named files.
            let dirs = Set(files.map { ($0.path as NSString).deletingLastPathComponent })
            for dir in dirs {
                for f in (try? readTree(dir.isEmpty ? "." : dir)) ?? [] where !files.contains(where: { $0.path == f.path }) {
                    others.append(f)
                }
            }
        }
        if files.isEmpty { throw Failure("no lesson files to check") }
        let diagnostics = Linter().lint(files: files, others: others)
        var out = Output()
        for d in diagnostics { out.line(Sanitizer.clean(d.description)) }
        out.flush()
        let errors = diagnostics.filter { $0.severity == .error }.count
        StandardStreams.error(errors == 0 ? "\(files.count) lesson files checked, no errors" : "\(errors) error\(errors == 1 ? "" : "s") in \(files.count) lesson files")
        return errors == 0 ? 0 : 1
    }

    /// A file, or every `*.md` directly in a directory.
    func readTree(_ path: String) throws -> [(path: String, text: String)] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw Failure("'\(Sanitizer.clean(path))' does not exist")
        }
        if isDir.boolValue {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw Failure("cannot read directory '\(Sanitizer.clean(path))'")
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().compactMap { name in
                readRegularFile(base + name).map { (base + name, decodeLessonText($0)) }
            }
        }
        guard let bytes = readRegularFile(path) else { throw Failure("cannot read '\(Sanitizer.clean(path))'") }
        return [(path, decodeLessonText(bytes))]
    }

    func interactive(open id: String?) throws -> Int32 {
        try InteractiveSession(course: course(), stateFile: stateFile, color: colorAllowed).run(open: id)
    }
}

enum BundledFiles {
    static var all: [(path: String, text: String)] {
        CourseSource.bundledFiles
    }
}

enum JSON {
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func number(_ d: Double) -> String {
        String(format: "%.3f", d)
    }
}
