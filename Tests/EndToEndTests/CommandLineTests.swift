import Foundation
import Testing
import TestSupport

/// The commands that need no terminal, run as a user would run them.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: TmuxSession.binary), "needs a built nettutor"))
struct CommandLineTests {
    let bin = TmuxSession.binary
    let state = "/tmp/nettutor-cli-\(getpid())"

    @Test func globalOptionsWorkBeforeAndAfterTheCommand() {
        let before = Subprocess.capture([bin, "--state-dir", state, "--no-color", "list", "--json"])
        let after = Subprocess.capture([bin, "list", "--json", "--state-dir", state, "--no-color"])
        #expect(before.status == 0 && after.status == 0)
        #expect(before.output == after.output)
        #expect(before.output.contains("\"id\":\"tcp\""))
    }

    @Test func helpOfASubcommandIsThatCommandsHelp() {
        let r = Subprocess.capture([bin, "demo", "tcp", "--help"])
        #expect(r.status == 0)
        #expect(r.output.hasPrefix("OVERVIEW: The TCP state-machine stepper"))
        #expect(r.output.contains("--state-dir"))
        let h = Subprocess.capture([bin, "help", "show"])
        #expect(h.output.hasPrefix("OVERVIEW: Print a lesson as text"))
        #expect(Subprocess.capture([bin, "--version"]).output == "0.1.0\n")
    }

    @Test func unknownLessonIsOneLineOnStderrAndStatusTwo() {
        let r = Subprocess.capture([bin, "show", "warp-drive"])
        #expect(r.status == 2)
        #expect(r.output.isEmpty)
        #expect(r.error.split(separator: "\n").count == 1)
        #expect(r.error.hasPrefix("nettutor: no lesson 'warp-drive'"))
    }

    @Test func badFlagIsOneLineAndStatusTwo() {
        let r = Subprocess.capture([bin, "show", "tcp", "--frobnicate"])
        #expect(r.status == 2)
        #expect(r.error.split(separator: "\n").count == 1, "\(r.error)")
    }

    @Test func missingLessonsDirectoryIsOneLineAndStatusTwo() {
        let r = Subprocess.capture([bin, "--lessons", "/nonexistent/lessons", "list"])
        #expect(r.status == 2)
        #expect(r.error == "nettutor: lessons directory '/nonexistent/lessons' does not exist\n")
    }

    @Test func showWorksWithoutATerminalOrTERMAndPrintsPlainText() {
        let r = Subprocess.capture([bin, "show", "dns", "--width", "60"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(r.status == 0)
        #expect(!r.output.contains("\u{1B}"))
        #expect(r.output.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(r.output.contains("What you will learn"))
    }

    /// `show` with plain arguments skips ArgumentParser; `--width=60` and `--color=never`
    /// go through it. Both print the same bytes, and the parser still words every error.
    @Test func showReadsItsArgumentsAsTheParserDoes() {
        let fast = Subprocess.capture([bin, "show", "--color", "never", "dns", "--width", "60"])
        let parsed = Subprocess.capture([bin, "show", "dns", "--width=60", "--color=never"])
        #expect(fast.status == 0 && parsed.status == 0)
        #expect(fast.output == parsed.output && !fast.output.isEmpty)
        for bad in [["--width", "0"], ["--width", "1001"], ["--width", "-3"], ["--color", "sometimes"]] {
            let r = Subprocess.capture([bin, "show", "dns"] + bad)
            #expect(r.status == 2, "\(bad)")
            #expect(r.error.split(separator: "\n").count == 1 && r.error.contains("see 'nettutor --help'"), "\(bad): \(r.error)")
        }
    }

    @Test func showColorAlwaysAddsANSIStyling() {
        let r = Subprocess.capture([bin, "show", "dns", "--width", "80", "--color", "always"])
        #expect(r.output.contains("\u{1B}[1;38;5;"))
    }

    @Test func lintReportsErrorsAsFileLineColumnAndExitsOne() throws {
        let dir = "/tmp/nettutor-cli-lint-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "---\nid: a\ntitle: A\nsummary: S\norder: 1\nminutes: 1\n---\nSee [b](b.md).\n".write(toFile: dir + "/a.md", atomically: true, encoding: .utf8)
        let r = Subprocess.capture([bin, "lint", dir])
        #expect(r.status == 1)
        #expect(r.output == "\(dir)/a.md:8:9: error: link 'b.md' does not resolve (no lesson 'b')\n")
        let clean = Subprocess.capture([bin, "lint", TmuxSession.packageRoot + "/Lessons"])
        #expect(clean.status == 0)
        #expect(clean.output.isEmpty)
    }

    @Test func theBinaryCarriesItsCourseFromAnyDirectory() throws {
        let dir = "/tmp/nettutor-cli-copy-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Copied by cp, not in-process: a descriptor open for writing here could leak into a
        // process another test spawns meanwhile and make exec fail with ETXTBSY.
        Subprocess.run(["/bin/cp", bin, dir + "/nettutor"])
        let r = Subprocess.capture([dir + "/nettutor", "list", "--json", "--state-dir", state])
        #expect(r.status == 0)
        for id in ["scaling", "load-balancing", "message-queues", "serverless", "http", "dns", "tcp", "io-multiplexing", "interrupts"] {
            #expect(r.output.contains("\"id\":\"\(id)\""))
        }
    }

    @Test func lineQuizNeverPrintsControlCharactersFromTheLesson() throws {
        let dir = "/tmp/nettutor-cli-esc-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lesson = "---\nid: h\ntitle: \"H \\e[2J\"\nsummary: s\norder: 1\nminutes: 1\n---\n## A\n\n```quiz\n- id: e\n  type: truefalse\n  prompt: \"Escape \\e[2J here\"\n  answer: true\n  why: \"\\e]52;c;aGk=\\a\"\n  explain: \"x\"\n```\n"
        try lesson.write(toFile: dir + "/h.md", atomically: true, encoding: .utf8)
        let r = Subprocess.capture([bin, "--lessons", dir, "--state-dir", state, "quiz", "h"], input: "2\n")
        #expect(r.status == 0)
        #expect(r.output.contains("Escape ␛[2J here"))
        #expect(!r.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        let p = Subprocess.capture([bin, "--lessons", dir, "--state-dir", state, "progress"])
        #expect(!p.output.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func tcpScriptWithAnUnknownLineStopsWithItsLineNumber() {
        let r = Subprocess.capture([bin, "demo", "tcp", "--script", "-"], input: "client connect\nserver dance\n")
        #expect(r.status == 2)
        #expect(r.error.hasPrefix("nettutor: line 2:"))
    }

    @Test func tcpScriptJSONFollowsTheHandshake() {
        let script = "server listen\nclient connect\ndeliver server\ndeliver client\ndeliver server\n"
        let r = Subprocess.capture([bin, "demo", "tcp", "--script", "-", "--json", "--seed", "1"], input: script)
        #expect(r.status == 0)
        let lines = r.output.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.last?.contains("\"client\": \"ESTABLISHED\", \"server\": \"ESTABLISHED\"") == true)
    }
}
