import Foundation
import Testing
import TestSupport

/// The real binary under tmux: what a person does, key by key.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux and a built nettutor"))
struct ReaderEndToEndTests {
    func expectScreen(_ result: (ok: Bool, screen: String), _ what: String) {
        #expect(result.ok, "\(what); screen was:\n\(result.screen)")
    }

    @Test func homeScreenListsTheCourse() throws {
        let t = try TmuxSession()
        t.run(t.nettutor)
        expectScreen(t.waitFor("TCP: reliable bytes"), "course map shows the TCP lesson")
        let screen = t.screen()
        #expect(screen.contains("DNS"))
        #expect(screen.contains("Enter open"))
        t.send("q")
        expectScreen(t.waitForPrompt(), "back at the prompt")
    }

    @Test func openScrollTocSearchLinkBackResizeAndQuit() throws {
        let t = try TmuxSession(width: 80, height: 24)
        t.run("\(t.nettutor) open tcp")
        expectScreen(t.waitFor("TCP: reliable bytes"), "lesson opens with its title")
        expectScreen(t.waitFor("0%"), "status line at the top of the lesson")
        // The first screen is drawn before the rest is laid out; with no key pressed, the
        // status line then gets the lesson's length in place of "…".
        expectScreen(t.waitUntil { $0.contains("0%  22/") && !$0.contains("22/…") }, "the length follows without a key")

        // Scroll one line: the first body line leaves the screen.
        let before = t.screen().split(separator: "\n")
        t.send("j")
        expectScreen(t.waitUntil { $0.split(separator: "\n").dropFirst().first != before.dropFirst().first }, "j scrolls")

        // Table of contents: the fourth entry; Enter jumps there and the status line names it.
        let statusBefore = t.screen().split(separator: "\n").last.map(String.init) ?? ""
        t.send("t")
        expectScreen(t.waitFor("Contents"), "t opens the table of contents")
        #expect(t.screen().contains("TIME-WAIT"), "the contents list the TIME-WAIT section")
        t.send("j", "j", "j", "Enter")
        expectScreen(t.waitUntil { s in
            !s.contains("Contents") && (s.split(separator: "\n").last.map(String.init) ?? "") != statusBefore
        }, "Enter jumps to the chosen section")
        t.send("g")

        // Search: / TIME-WAIT Enter shows the match count.
        t.send("/")
        t.type("TIME-WAIT")
        t.send("Enter")
        expectScreen(t.waitFor("Match 1 of"), "search reports its matches")
        t.send("n")
        expectScreen(t.waitFor("Match 2 of"), "n moves to the next match")

        // Follow a link to another lesson and come back.
        t.send("g")
        var reachedOther = false
        for _ in 0..<40 {
            t.send("Tab")
            usleep(60_000)
            t.send("Enter")
            let r = t.waitUntil(timeout: 1) { !$0.contains(" TCP: reliable bytes") }
            if r.ok { reachedOther = true; break }
        }
        #expect(reachedOther, "Enter on a focused link opens another lesson")
        t.send("Escape")
        expectScreen(t.waitFor(" TCP: reliable bytes"), "Esc returns to the TCP lesson")

        // Resize: the page reflows to the new width.
        t.resize(width: 50, height: 20)
        expectScreen(t.waitUntil { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            return lines.count == 20 && lines.allSatisfy { $0.count <= 50 } && lines.last?.contains("tcp") == true
        }, "relayout at 50 columns")

        t.send("q")
        expectScreen(t.waitForPrompt(), "q leaves the tutor")
        t.run("echo usable-$((20+22))")
        expectScreen(t.waitFor("usable-42"), "the shell works after the tutor exits")
    }

    @Test func positionIsRestoredOnReopen() throws {
        let t = try TmuxSession()
        t.run("\(t.nettutor) open dns")
        expectScreen(t.waitFor("0%"), "dns opens at the top")
        t.send("Space")
        t.send("Space")
        // Once the rest of the lesson is laid out the status line shows its length, not "…".
        expectScreen(t.waitUntil { !$0.contains(" 0% ") && !$0.contains("/…") }, "paged down")
        let status = t.screen().split(separator: "\n").last.map(String.init) ?? ""
        t.send("q")
        expectScreen(t.waitForPrompt(), "quit")
        t.run("\(t.nettutor) open dns")
        expectScreen(t.waitUntil { ($0.split(separator: "\n").last.map(String.init) ?? "") == status }, "reopened at the same place (\(status))")
        t.send("q")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let t = try TmuxSession()
        t.run("\(t.nettutor) open http")
        expectScreen(t.waitFor("?:help"), "reader up")
        // Another process sends SIGTERM; the terminal must come back and the shell work.
        Subprocess.run(["/usr/bin/pkill", "-TERM", "-f", "nettutor --state-dir \(t.stateDir)"])
        expectScreen(t.waitForPrompt(), "prompt back after SIGTERM")
        t.run("echo ok-$((1+1))")
        expectScreen(t.waitFor("ok-2"), "shell usable")
    }

    @Test func aCrashStillLeavesAUsableTerminal() throws {
        let t = try TmuxSession()
        t.run("NETTUTOR_TEST_CRASH=1 SWIFT_BACKTRACE=enable=no \(t.nettutor) open tcp 2>/dev/null; echo crashed=$?")
        expectScreen(t.waitFor("\ncrashed="), "the program ended")
        _ = t.waitForPrompt()
        #expect(!t.screen().contains("crashed=0"))
        #expect(!t.screen().contains("?:help"), "the alternate screen was left")
        t.run("stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo")
        expectScreen(t.waitFor("icanon echo"), "echo and canonical mode are back")
    }

    @Test func dumbTerminalIsRefusedWithAHint() throws {
        let t = try TmuxSession()
        t.run("TERM=dumb \(t.nettutor); echo status=$?")
        expectScreen(t.waitFor("status=2"), "exit status 2")
        #expect(t.screen().contains("nettutor show"))
    }
}
