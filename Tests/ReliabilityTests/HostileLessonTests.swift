import FuzzChecks
import Foundation
import Render
import Testing
import TestSupport

/// The bad-lesson corpus through `nettutor lint` and `nettutor show` (the reader's turn is in
/// HostileTerminalTests): precise diagnostics, sane output, no crash, no hang, no control byte.
@Suite(.serialized, .enabled(if: ReliabilityFixtures.binaryExists, "needs a built nettutor"))
struct HostileLessonTests {
    typealias F = ReliabilityFixtures

    func expectClean(_ r: ProcessResult, _ what: String, color: Bool) {
        #expect(!r.timedOut, "\(what) hung")
        #expect(r.signal == nil, "\(what) died of signal \(r.signal ?? 0): \(r.err.prefix(300))")
        if let at = TerminalBytes.firstForeignControl(r.stdout, allowSGR: color) {
            Issue.record("\(what): control byte \(r.stdout[at]) at offset \(at)")
        }
    }

    @Test func lintReportsEachBadLessonAtItsLineAndColumn() throws {
        let r = F.run(["lint", F.corpus])
        expectClean(r, "lint", color: false)
        #expect(r.status == 1)
        let expected = try String(contentsOfFile: F.packageRoot + "/Tests/ReliabilityTests/Corpus/lint-expected.txt", encoding: .utf8)
        let e = expected.split(separator: "\n"), a = r.out.split(separator: "\n")
        #expect(a.count == e.count, "\(a.count) diagnostics, expected \(e.count)")
        for (x, y) in zip(e, a) where x != y { Issue.record("expected \(x)\n     got \(y)") }
        #expect(r.err.hasSuffix("errors in 18 lesson files\n"))
    }

    @Test func lintOfASingleCleanHostileLessonPasses() {
        for id in ["invalid-utf8", "nul-bytes", "unicode-tables", "invisible-controls", "circular-a", "circular-b"] {
            let r = F.run(["lint", "\(F.corpus)/\(id).md"])
            expectClean(r, "lint \(id)", color: false)
            #expect(r.status == 0, "lint \(id): \(r.out)")
        }
    }

    @Test func showRendersEveryLoadableBadLessonWithoutControlBytes() {
        for id in F.loadable {
            for width in [1, 20, 80] {
                for color in ["always", "never"] {
                    let r = F.run(["show", id, "--width", "\(width)", "--color", color], lessons: F.corpus)
                    expectClean(r, "show \(id) --width \(width) --color \(color)", color: color == "always")
                    #expect(r.status == 0, "show \(id): \(r.err)")
                    #expect(!r.stdout.isEmpty)
                    if width >= 20 && color == "never" {
                        for line in r.out.split(separator: "\n") where DisplayWidth.of(String(line)) > width {
                            Issue.record("show \(id) --width \(width): line wider than the page: \(line)")
                        }
                    }
                }
            }
        }
    }

    @Test func showMakesHostileCharactersVisibleInsteadOfActingOnThem() {
        func show(_ id: String) -> String { F.run(["show", id, "--width", "80", "--color", "never"], lessons: F.corpus).out }
        let escapes = show("escape-sequences")
        #expect(escapes.contains("␛]52;c;aGVsbG8=␇"), "raw OSC 52 shown as text")
        #expect(escapes.contains("Entities: ␛]52;c;aGVsbG8=␇"), "entity-encoded OSC 52 shown as text")
        #expect(!escapes.utf8.contains(0x1B))
        #expect(show("invalid-utf8").contains("Before \u{FFFD}\u{FFFD} after"))
        #expect(show("nul-bytes").contains("Text with \u{FFFD} a NUL"))
        let bidi = show("invisible-controls")
        #expect(!bidi.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        #expect(show("unicode-tables").contains("標題 🚀"))
    }

    @Test func generatedLessonsLintCleanAndShowWithinThePage() throws {
        let dir = try F.generatedDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lint = F.run(["lint", dir], timeout: 120)
        expectClean(lint, "lint generated", color: false)
        #expect(lint.status == 0, "\(lint.out)")
        for id in F.generated.keys.sorted() {
            let r = F.run(["show", id, "--width", "80", "--color", "never"], lessons: dir, timeout: 120)
            expectClean(r, "show \(id)", color: false)
            #expect(r.status == 0)
            #expect(r.seconds < 30, "show \(id) took \(r.seconds) s")
            for line in r.out.split(separator: "\n") where DisplayWidth.of(String(line)) > 80 {
                Issue.record("show \(id): line wider than 80 columns (\(DisplayWidth.of(String(line))))")
                break
            }
        }
    }

    @Test func deeplyNestedYAMLIsALintErrorNotAStackOverflow() throws {
        let dir = F.temporaryDirectory("deep-yaml")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let body = "# Deep\n\n```quiz\n"
        try (F.frontMatter("deep-flow") + body + String(repeating: "{", count: 20_000) + "\n```\n").write(toFile: dir + "/deep-flow.md", atomically: false, encoding: .utf8)
        try (F.frontMatter("deep-dashes") + body + String(repeating: "- ", count: 20_000) + "x\n```\n").write(toFile: dir + "/deep-dashes.md", atomically: false, encoding: .utf8)
        try ("---\nid: deep-title\ntitle: " + String(repeating: "[", count: 20_000) + "\nsummary: s\norder: 1\nminutes: 1\n---\n# D\n").write(toFile: dir + "/deep-title.md", atomically: false, encoding: .utf8)
        let lint = F.run(["lint", dir])
        #expect(lint.signal == nil && lint.status == 1, "\(lint.err.prefix(300))")
        #expect(Set(lint.out.split(separator: "\n").map(String.init)) == [
            "\(dir)/deep-dashes.md:11:201: error: quiz: YAML nested more than 100 levels deep",
            "\(dir)/deep-flow.md:11:101: error: quiz: YAML nested more than 100 levels deep",
            "\(dir)/deep-title.md:3:108: error: front matter: YAML nested more than 100 levels deep",
        ])
        for args in [["list"], ["show", "deep-flow"], ["show", "deep-dashes"]] {
            let r = F.run(args, lessons: dir)
            #expect(r.signal == nil && r.status == 0, "\(args): \(r.err.prefix(300))")
        }
        let (pty, state) = try PtyFixtures.start(["open", "deep-flow"], lessons: dir)
        defer { try? FileManager.default.removeItem(atPath: state) }
        #expect(PtyFixtures.waitForReader(pty))
        pty.send("\t")
        pty.send("\r")
        pty.send("q")
        #expect(pty.waitForExit(timeout: 10)?.status == 0)
    }

    /// Loose on purpose: the 2 s budget is for a release build (see README, Reliability);
    /// here it only has to finish, whole, without a hang.
    @Test func twentyMegabyteLessonShowsToTheEnd() throws {
        let dir = F.temporaryDirectory("huge")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = F.hugeLesson(megabytes: 20)
        try text.write(toFile: dir + "/huge.md", atomically: false, encoding: .utf8)
        let sections = text.components(separatedBy: "\n## Section ").count - 1
        let r = F.run(["show", "huge", "--width", "100", "--color", "never"], lessons: dir, timeout: 300)
        #expect(!r.timedOut && r.status == 0)
        #expect(r.out.contains("Section \(sections - 1)\n"))
        print("20 MB lesson: show took \(String(format: "%.1f", r.seconds)) s with \(F.binary)")
    }

    /// The reader draws the first screen of a 20 MB lesson after cmark's parse and one screen
    /// of layout, and takes keys while it lays out the rest: `q` ends it at once. (The 2 s
    /// budget is measured on a release build by `make bench`.)
    @Test func twentyMegabyteLessonOpensInTheReaderAndQuitsWhileLayingOut() throws {
        let dir = F.temporaryDirectory("huge-open")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try F.hugeLesson(megabytes: 20).write(toFile: dir + "/huge.md", atomically: false, encoding: .utf8)
        let (pty, state) = try PtyFixtures.start(["open", "huge"], lessons: dir)
        defer { try? FileManager.default.removeItem(atPath: state) }
        let started = Date()
        #expect(PtyFixtures.waitForReader(pty, timeout: 120))
        let opened = Date().timeIntervalSince(started)
        #expect(pty.text.contains("Section 0") && pty.text.contains("ss -tan state time-wait"))
        #expect(pty.text.contains("/…"), "the length is not known yet")
        pty.send("q")
        let exit = pty.waitForExit(timeout: 20)
        #expect(exit?.status == 0)
        print("20 MB lesson: first frame after \(String(format: "%.1f", opened)) s, quit after \(String(format: "%.1f", Date().timeIntervalSince(started) - opened)) s with \(F.binary)")
    }

    @Test func lessonsDirectoryProblemsEndInOneLineError() throws {
        let base = F.temporaryDirectory("dirs")
        defer { try? FileManager.default.removeItem(atPath: base) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/empty", withIntermediateDirectories: true)
        try "not a directory".write(toFile: base + "/file", atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: base + "/loop", withDestinationPath: base + "/loop")
        let cases: [(String, String)] = [
            ("empty", "no lessons"), ("file", "is not a directory"), ("loop", "Too many levels of symbolic links"),
            ("missing", "does not exist"),
        ]
        for (name, message) in cases {
            for args in [["list"], ["show", "x"], ["open", "x"]] {
                let r = F.run(args, lessons: base + "/" + name)
                #expect(r.signal == nil && !r.timedOut)
                #expect(r.status == 2, "\(name) \(args): status \(r.status)")
                #expect(r.err.contains(message), "\(name) \(args): \(r.err)")
                #expect(r.err.split(separator: "\n").count == 1, "one line: \(r.err)")
            }
        }
    }

    @Test func unreadableAndLoopingLessonFilesAreSkippedNotFatal() throws {
        let dir = F.temporaryDirectory("mixed")
        defer {
            chmod(dir + "/locked.md", 0o644)
            try? FileManager.default.removeItem(atPath: dir)
        }
        let fm = FileManager.default
        try (F.frontMatter("good") + "# Good\n").write(toFile: dir + "/good.md", atomically: false, encoding: .utf8)
        try (F.frontMatter("locked") + "# Locked\n").write(toFile: dir + "/locked.md", atomically: false, encoding: .utf8)
        chmod(dir + "/locked.md", 0)
        try fm.createSymbolicLink(atPath: dir + "/a.md", withDestinationPath: dir + "/b.md")
        try fm.createSymbolicLink(atPath: dir + "/b.md", withDestinationPath: dir + "/a.md")
        try fm.createDirectory(atPath: dir + "/folder.md", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: dir + "/fifo.md", withDestinationPath: "/dev/zero")
        let r = F.run(["list"], lessons: dir, timeout: 30)
        #expect(r.status == 0 && !r.timedOut, "\(r.err)")
        #expect(r.out.contains("good"))
        // Root reads a mode-000 file anyway; anyone else must see it skipped.
        #expect(r.out.contains("locked") == (geteuid() == 0))
        let lint = F.run(["lint", dir], timeout: 30)
        #expect(lint.signal == nil && !lint.timedOut)
    }

    @Test func unreadableLessonsDirectoryIsAnErrorForOrdinaryUsers() throws {
        let dir = F.temporaryDirectory("locked")
        defer {
            chmod(dir, 0o755)
            try? FileManager.default.removeItem(atPath: dir)
        }
        try (F.frontMatter("good") + "# Good\n").write(toFile: dir + "/good.md", atomically: false, encoding: .utf8)
        chmod(dir, 0)
        let r = F.run(["list"], lessons: dir)
        #expect(r.signal == nil && !r.timedOut)
        if geteuid() == 0 {
            // Permission bits do not stop root: the lessons load, which is all that can be checked.
            #expect(r.status == 0)
        } else {
            #expect(r.status == 2 && r.err.contains("cannot read lessons directory"))
        }
    }
}
