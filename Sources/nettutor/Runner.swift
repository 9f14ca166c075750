import ArgumentParser
import Foundation
import IOMux
import LessonKit
import PlainJSON
import QuizCommands
import QuizKit
import QuizUI
import Render
import StateStore
import TCPStepperDemo
import TutorApp

/// Carries out a parsed command.
struct Runner {
    let options: GlobalOptions

    /// The progress store, or nil with a one-line notice when the state directory is unusable:
    /// the tutor keeps working without saving.
    func store() -> ProgressStore? {
        guard let dir = StateDirectory.resolve(override: options.stateDirectory, environment: Environment.subset(["XDG_STATE_HOME", "HOME"])) else {
            StandardStreams.error("nettutor: no state directory (set HOME or XDG_STATE_HOME, or use --state-dir); progress will not be saved")
            return nil
        }
        do {
            let store = try ProgressStore(directory: dir)
            return store
        } catch {
            StandardStreams.error("nettutor: \(error); progress will not be saved")
            return nil
        }
    }

    var colorAllowed: Bool {
        !options.noColor && (Environment.value("NO_COLOR") ?? "").isEmpty
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
        case let c as Quiz: return try quiz(c)
        case let c as Review: return try review(c)
        case let c as Progress: return try progress(c)
        case let c as TCPDemoCommandLine: return try tcpDemo(c)
        case let c as IOMuxDemoCommandLine: return try iomuxDemo(c)
        default:
            // ArgumentParser's own commands (`help`, `--help` on a subcommand) print the
            // help of the command they were asked about.
            var other = command
            do {
                try other.run()
            } catch {
                Nettutor.exit(withError: error)
            }
            return 0
        }
    }

    func show(_ c: Show) throws -> Int32 {
        try show(id: c.id, width: c.width, color: c.color)
    }

    func show(id: String, width requested: Int?, color: Show.ColorMode) throws -> Int32 {
        ShowText.keepFreedMemory()
        let course = try course()
        guard let lesson = course.lesson(id: id) else { throw Failure.unknownLesson(id, in: course.lessons.map(\.id)) }
        let isTTY = StandardStreams.isTerminal(1)
        let width = requested ?? (isTTY ? StandardStreams.terminalWidth() ?? 80 : 80)
        let ansi: Bool
        switch color {
        case .always: ansi = true
        case .never: ansi = false
        case .auto: ansi = isTTY && colorAllowed
        }
        ShowText.write(lesson, width: width, ansi: ansi)
        return 0
    }

    func list(_ c: List) throws -> Int32 {
        let course = try course()
        let progress = store()?.state ?? LearnerProgress()
        var out = Output()
        if c.json {
            var items: [String] = []
            for lesson in course.lessons {
                let p = progress.lessons[lesson.id] ?? LessonRecord()
                items.append("{\"id\":\(JSON.quote(lesson.id)),\"title\":\(JSON.quote(lesson.meta.title)),\"summary\":\(JSON.quote(lesson.meta.summary)),\"order\":\(lesson.meta.order),\"minutes\":\(lesson.meta.minutes),\"read\":\(JSON.number(p.readShare))}")
            }
            out.line("[" + items.joined(separator: ",") + "]")
        } else {
            let idWidth = course.lessons.map { $0.id.count }.max() ?? 2
            for lesson in course.lessons {
                let p = progress.lessons[lesson.id] ?? LessonRecord()
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
                files = CourseSource.bundledFiles
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
        let diagnostics = Linter(quizCheck: QuizLint.makeCheck()).lint(files: files, others: others)
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
        let course = try course()
        if let id, course.lesson(id: id) == nil { throw Failure.unknownLesson(id, in: course.lessons.map(\.id)) }
        return try InteractiveSession(course: course, store: store(), color: colorAllowed).run(open: id)
    }

    var interactiveTerminal: Bool { StandardStreams.isTerminal(0) && StandardStreams.isTerminal(1) }

    func quiz(_ c: Quiz) throws -> Int32 {
        let course = try course()
        guard course.lesson(id: c.id) != nil else { throw Failure.unknownLesson(c.id, in: course.lessons.map(\.id)) }
        let store = store()
        if !interactiveTerminal {
            return QuizCommand.runLines(lessonID: c.id, course: course, store: store, readLine: { readLine() },
                                        write: StandardStreams.out, errors: StandardStreams.errorRaw, seed: c.seed)
        }
        let q = try QuizCommand.quizItems(lessonID: c.id, course: course)
        guard !q.items.isEmpty else { throw Failure("the lesson '\(c.id)' has no quiz questions", status: 0) }
        let session = QuizSession(title: q.title, items: q.items, seed: c.seed ?? UInt64.random(in: 0...UInt64.max),
                                  state: store?.state, onAnswer: store.map { QuizCommand.recorder(store: $0, errors: StandardStreams.errorRaw) } ?? { _, _ in })
        return try FullScreen.run(session, color: colorAllowed)
    }

    func review(_ c: Review) throws -> Int32 {
        let course = try course()
        let store = store()
        if !interactiveTerminal {
            return QuizCommand.reviewLines(course: course, store: store, readLine: { readLine() },
                                           write: StandardStreams.out, errors: StandardStreams.errorRaw, seed: c.seed)
        }
        let items = QuizCommand.dueItems(course: course, state: store?.state ?? LearnerProgress(), now: Date())
        guard !items.isEmpty else {
            print("Nothing to review today.")
            return 0
        }
        let session = QuizSession(title: "Review", items: items, seed: c.seed ?? UInt64.random(in: 0...UInt64.max),
                                  state: store?.state, onAnswer: store.map { QuizCommand.recorder(store: $0, errors: StandardStreams.errorRaw) } ?? { _, _ in })
        return try FullScreen.run(session, color: colorAllowed)
    }

    func progress(_ c: Progress) throws -> Int32 {
        let course = try course()
        guard let store = store() else { throw Failure("progress cannot be read") }
        for notice in store.takeNotices() { StandardStreams.error("nettutor: \(notice)") }
        var out = Output()
        defer { out.flush() }
        if c.reset {
            let confirm: (String) -> Bool = { question in
                guard StandardStreams.isTerminal(0) else {
                    StandardStreams.error("nettutor: not erasing without a terminal to ask on; add --yes")
                    return false
                }
                StandardStreams.out(question)
                return (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y")
            }
            return ProgressCommand.reset(lessonID: c.id, course: course, store: store, yes: c.yes, confirm: confirm,
                                         write: { out.write($0) }, errors: StandardStreams.errorRaw)
        }
        return ProgressCommand.show(course: course, store: store, json: c.json, write: { out.write(Sanitizer.cleanLines($0)) })
    }

    func tcpDemo(_ c: TCPDemoCommandLine) throws -> Int32 {
        let seed = c.seed ?? TCPDemoCommand.randomSeed()
        if let script = c.script {
            let text: String
            if script == "-" {
                var lines: [String] = []
                while let line = readLine(strippingNewline: false) { lines.append(line) }
                text = lines.joined()
            } else {
                guard let bytes = readRegularFile(script) else { throw Failure("cannot read script '\(Sanitizer.clean(script))'") }
                text = decodeLessonText(bytes)
            }
            switch TCPDemoCommand.runScript(text: text, json: c.json, seed: seed, kernel: c.kernel) {
            case .success(let out):
                var o = Output()
                o.write(out)
                o.flush()
                return 0
            case .failure(let error):
                throw Failure(error.description)
            }
        }
        return try FullScreen.run(TCPDemoCommand.makeDemo(seed: seed, kernel: c.kernel), color: colorAllowed)
    }

    func iomuxDemo(_ c: IOMuxDemoCommandLine) throws -> Int32 {
        let fds: [Int]?
        do {
            fds = try c.fds.map(IOMuxCommand.parseFdList)
            try IOMuxCommand.validate(fds: fds, active: c.active)
        } catch {
            throw Failure("\(error)")
        }
        if c.json {
            // Each line as soon as it is measured; a closed pipe ends the program quietly.
            return IOMuxCommand.runJSON(fds: fds, active: c.active, output: { StandardStreams.out($0 + "\n") },
                                        errorOutput: StandardStreams.error)
        }
        try FullScreen.checkTerminal()
        let demo: IOMuxDemo
        do {
            demo = try IOMuxCommand.makeDemo(fds: fds, active: c.active)
        } catch {
            throw Failure("\(error)")
        }
        return try FullScreen.run(demo, color: colorAllowed)
    }
}

enum JSON {
    static func quote(_ s: String) -> String {
        JSONText.string(s)
    }

    static func number(_ d: Double) -> String {
        String(format: "%.3f", d)
    }
}
