import Foundation
import Testing
import TestSupport

/// The real binary on a pty: what it writes, how it survives sizes, resizes and signals.
@Suite(.serialized, .enabled(if: ReliabilityFixtures.binaryExists, "needs a built nettutor"))
struct HostileTerminalTests {
    typealias F = ReliabilityFixtures
    typealias P = PtyFixtures

    func quit(_ pty: PtySession, _ what: String) {
        pty.send("q")
        let end = pty.waitForExit(timeout: 10)
        #expect(end?.status == 0, "\(what): exit \(String(describing: end))")
        pty.waitForQuiet(0.1, timeout: 2)
        #expect(P.endsRestored(pty.output), "\(what): terminal restored")
    }

    @Test func readerWritesNoLessonControlSequences() throws {
        for id in ["escape-sequences", "invalid-utf8", "invisible-controls", "nul-bytes", "unicode-tables", "code-numbers"] {
            let (pty, state) = try P.start(["open", id], lessons: F.corpus)
            defer { try? FileManager.default.removeItem(atPath: state) }
            #expect(P.waitForReader(pty), "\(id): reader up")
            // Walk every focusable, open the contents and the help, page to the end and back.
            for key in ["\t", "\t", "\t", "\r", "\u{1B}", "t", "\u{1B}", "?", "\u{1B}", "G", "g", "/", "red\r", "n"] {
                pty.send(key)
                usleep(40_000)
            }
            pty.waitForQuiet(0.3)
            quit(pty, id)
            let foreign = TerminalText.foreignSequences(pty.output)
            #expect(foreign.isEmpty, "\(id): sequences curses never writes: \(foreign.prefix(5))")
        }
    }

    @Test func readerOpensGeneratedExtremeLessonsAndQuits() throws {
        let dir = try F.generatedDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for id in F.generated.keys.sorted() {
            let (pty, state) = try P.start(["open", id], lessons: dir)
            defer { try? FileManager.default.removeItem(atPath: state) }
            #expect(P.waitForReader(pty), "\(id): reader up")
            for key in ["G", "k", "g", "\t", "t", "\u{1B}"] {
                pty.send(key)
                usleep(30_000)
            }
            pty.resize(width: 30, height: 10)
            pty.waitForQuiet(0.3)
            quit(pty, id)
            #expect(TerminalText.foreignSequences(pty.output).isEmpty, "\(id)")
        }
    }

    @Test func unknownDemoBlocksOnlyEverNameBuiltInDemos() throws {
        let marker = F.temporaryDirectory("marker") + "/ran"
        let dir = F.temporaryDirectory("demo-lesson")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try (F.frontMatter("shell") + "# Shell\n\n```demo\ntouch \(marker)\n```\n\n```demo\n$(touch \(marker))\n```\n")
            .write(toFile: dir + "/shell.md", atomically: false, encoding: .utf8)
        let (pty, state) = try P.start(["open", "shell"], lessons: dir)
        defer { try? FileManager.default.removeItem(atPath: state) }
        #expect(P.waitForReader(pty))
        for _ in 0..<2 {
            pty.send("\t")
            usleep(50_000)
            pty.send("\r")
            usleep(200_000)
        }
        #expect(pty.waitFor("Unknown demo", timeout: 5), "the reader says the demo is not built in")
        #expect(pty.isRunning)
        quit(pty, "unknown demo")
        #expect(!FileManager.default.fileExists(atPath: marker), "nothing from the lesson ran")
    }

    @Test func courseMapShowsHostileTitlesAsText() throws {
        let (pty, state) = try P.start([], lessons: F.corpus, width: 120, height: 40)
        defer { try? FileManager.default.removeItem(atPath: state) }
        // The escape-sequences lesson's title carries ESC ] 0 ; (set window title) and CSI via YAML escapes.
        #expect(pty.waitFor("]0;owned", timeout: 10), "the title is drawn")
        for _ in 0..<15 {
            pty.send("j")
            usleep(20_000)
        }
        pty.send("G")
        pty.waitForQuiet(0.3)
        quit(pty, "course map")
        #expect(TerminalText.foreignSequences(pty.output).isEmpty, "\(TerminalText.foreignSequences(pty.output).prefix(5))")
        #expect(pty.text.contains("␛]0;owned␇"))
    }

    @Test func everySizeFromOneByOneTo500x200Works() throws {
        for (w, h) in [(1, 1), (2, 2), (5, 3), (19, 5), (20, 6), (80, 24), (200, 60), (500, 200)] {
            let (pty, state) = try P.start(["open", "tcp"], width: w, height: h)
            defer { try? FileManager.default.removeItem(atPath: state) }
            #expect(pty.waitUntil(timeout: 10) { $0.outputCount > 0 && $0.text.count > 0 }, "\(w)x\(h): drew something")
            pty.waitForQuiet(0.3)
            if w < 20 || h < 6, w >= 18 {
                #expect(pty.text.contains("Terminal too small"), "\(w)x\(h): too-small note")
            }
            for key in ["j", "G", " ", "t", "\u{1B}"] { pty.send(key); usleep(20_000) }
            #expect(pty.isRunning, "\(w)x\(h): still running")
            quit(pty, "\(w)x\(h)")
        }
    }

    @Test func resizeStormWhileScrollingLeavesALiveProcess() throws {
        let (pty, state) = try P.start(["open", "tcp"])
        defer { try? FileManager.default.removeItem(atPath: state) }
        #expect(P.waitForReader(pty))
        var rng = SystemRandomNumberGenerator()
        for i in 0..<400 {
            pty.resize(width: Int.random(in: 1...300, using: &rng), height: Int.random(in: 1...120, using: &rng))
            if i % 3 == 0 { pty.send(["j", "k", " ", "b", "G", "g"].randomElement()!) }
            if i % 50 == 0 { usleep(20_000) }
        }
        pty.resize(width: 80, height: 24)
        pty.waitForQuiet(0.5)
        #expect(pty.isRunning)
        // Still answering keys: the end then the top of the lesson (one of them moves the
        // page wherever the storm left it, so something is drawn).
        let before = pty.outputCount
        pty.send("G")
        usleep(100_000)
        pty.send("g")
        usleep(100_000)
        pty.send("G")
        #expect(pty.waitUntil(timeout: 5) { $0.outputCount > before })
        quit(pty, "storm")
    }

    @Test func resizeStormWhileADemoRunsLeavesALiveProcess() throws {
        // Keys that move each demo on without opening a modal overlay (q must still quit).
        let demos: [([String], [String])] = [
            (["demo", "tcp"], [" ", "u", "k"]),
            (["demo", "iomux", "--fds", "10,100", "--active", "1"], ["\t", "l", "s"]),
        ]
        for (demo, keys) in demos {
            let (pty, state) = try P.start(demo)
            defer { try? FileManager.default.removeItem(atPath: state) }
            #expect(pty.waitUntil(timeout: 10) { $0.outputCount > 200 }, "\(demo) drew")
            for i in 0..<300 {
                pty.resize(width: Int.random(in: 1...250), height: Int.random(in: 1...100))
                if i % 5 == 0 { pty.send(keys.randomElement()!) }
                if i % 60 == 0 { usleep(30_000) }
            }
            pty.resize(width: 100, height: 30)
            pty.waitForQuiet(0.3)
            #expect(pty.isRunning, "\(demo) alive after the storm")
            quit(pty, "\(demo)")
        }
    }

    @Test func unusableTermIsRefusedWithAHintWhileTextCommandsWork() throws {
        let terms: [(set: [String: String], unset: [String])] = [([:], ["TERM"]), (["TERM": "dumb"], []), (["TERM": "no-such-terminal-xyz"], [])]
        for t in terms {
            let (pty, state) = try P.start(["open", "tcp"], env: t.set, unset: t.unset)
            defer { try? FileManager.default.removeItem(atPath: state) }
            let end = pty.waitForExit(timeout: 10)
            #expect(end?.status == 2, "\(t): exit \(String(describing: end))")
            pty.waitForQuiet(0.1, timeout: 2)
            #expect(pty.text.contains("nettutor show"), "\(t): \(pty.text)")
            #expect(P.count(of: P.smcup, in: pty.output) == 0, "\(t): never entered the full screen")
            var env = ReliabilityFixtures.environment(home: state, t.set)
            for k in t.unset { env[k] = nil }
            for args in [["show", "tcp", "--width", "60"], ["list"], ["lint"]] {
                let r = ProcessRun.run([F.binary] + args, environment: env, directory: F.packageRoot)
                #expect(r.status == 0 && r.signal == nil, "\(t) \(args): \(r.err)")
                #expect(args[0] == "lint" ? r.err.contains("no errors") : !r.stdout.isEmpty, "\(t) \(args)")
            }
        }
    }

    @Test func stdinOrStdoutNotATerminalIsRefusedWithAHint() throws {
        let piped = F.run(["open", "tcp"], stdin: Array("q\n".utf8))
        #expect(piped.status == 2 && piped.err.contains("nettutor show"), "\(piped.err)")
        // stdin a terminal, stdout a file.
        let out = F.temporaryDirectory("out") + "/out.txt"
        let state = F.temporaryDirectory("state")
        let pty = try PtySession(["/bin/sh", "-c", "exec \"$0\" --state-dir \"$1\" open tcp > \"$2\"", F.binary, state, out],
                                 environment: F.environment(home: state))
        let end = pty.waitForExit(timeout: 10)
        #expect(end?.status == 2)
        pty.waitForQuiet(0.1, timeout: 2)
        #expect(pty.text.contains("nettutor show"))
    }

    @Test func nonUTF8LocaleStillRendersWideCharacters() throws {
        for lang in ["C", "POSIX"] {
            let (pty, state) = try P.start(["open", "unicode-tables"], lessons: F.corpus, env: ["LANG": lang, "LC_ALL": lang])
            defer { try? FileManager.default.removeItem(atPath: state) }
            #expect(P.waitForReader(pty), "LANG=\(lang): reader up")
            pty.waitForQuiet(0.3)
            let text = pty.text
            #expect(text.contains("標題") && text.contains("名前"), "LANG=\(lang): wide characters written as UTF-8")
            quit(pty, "LANG=\(lang)")
        }
    }

    @Test func quitSignalsAndHangupRestoreTheTerminalAndSaveTheState() throws {
        for how in ["INT", "TERM", "HUP", "close"] {
            let (pty, state) = try P.start(["open", "tcp"])
            defer { try? FileManager.default.removeItem(atPath: state) }
            #expect(P.waitForReader(pty), "\(how): reader up")
            for _ in 0..<8 { pty.send("j") }
            pty.send(" ")
            pty.waitForQuiet(0.3)
            switch how {
            case "INT": pty.signal(SIGINT)
            case "TERM": pty.signal(SIGTERM)
            case "HUP": pty.signal(SIGHUP)
            default: pty.closeMaster()
            }
            let end = pty.waitForExit(timeout: 10)
            #expect(end != nil, "\(how): ended")
            if how != "close" {
                // The handler cleans up, then re-raises: the parent sees the signal.
                #expect(end?.signal != nil, "\(how): \(String(describing: end))")
                pty.waitForQuiet(0.1, timeout: 2)
                #expect(P.endsRestored(pty.output), "\(how): terminal restored")
            }
            let saved = (try? String(contentsOfFile: P.stateFile(state), encoding: .utf8)) ?? ""
            #expect(saved.contains("\"tcp\""), "\(how): reading position saved")
        }
    }

    @Test func showIntoAClosedPipeExitsQuietly() {
        let r = ProcessRun.run(["/bin/bash", "-c", "set -o pipefail; \"$0\" show tcp | head -n 2 > /dev/null; echo status=$?", F.binary],
                               environment: F.environment(home: "/tmp"), directory: F.packageRoot)
        #expect(r.out.contains("status=0"), "\(r.out)")
        #expect(r.err.isEmpty, "no message: \(r.err)")
    }
}
