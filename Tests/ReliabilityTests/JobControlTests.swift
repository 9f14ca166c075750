import Foundation
import Testing
import TestSupport

/// What needs a real shell with job control and a terminal emulator: Ctrl-Z and `fg`, and
/// the screen (not just the bytes) after a resize storm. Driven through tmux.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux and a built nettutor"))
struct JobControlTests {
    func expectScreen(_ result: (ok: Bool, screen: String), _ what: String) {
        #expect(result.ok, "\(what); screen was:\n\(result.screen)")
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let t = try TmuxSession()
        t.run("\(t.nettutor) open tcp")
        expectScreen(t.waitFor("?:help"), "reader up")
        t.send("C-z")
        expectScreen(t.waitUntil { $0.contains("Stopped") || $0.contains("stopped") }, "the shell reports the job stopped")
        t.run("fg")
        expectScreen(t.waitFor("?:help"), "fg redraws the reader")
        t.send("j")
        t.send("q")
        expectScreen(t.waitForPrompt(), "q still quits after fg")
        t.run("echo alive-$((40+2))")
        expectScreen(t.waitFor("alive-42"), "the shell works")
    }

    @Test func resizeStormEndsOnTheSameScreenAsAFreshStart() throws {
        let stormed = try TmuxSession(width: 80, height: 24)
        stormed.run("\(stormed.nettutor) open tcp")
        expectScreen(stormed.waitFor("?:help"), "reader up")
        for i in 0..<150 {
            stormed.resize(width: Int.random(in: 10...200), height: Int.random(in: 3...60))
            if i % 4 == 0 { stormed.send(["j", "k", "Space", "G"].randomElement()!) }
        }
        stormed.resize(width: 80, height: 24)
        stormed.send("g")
        usleep(500_000)
        let fresh = try TmuxSession(width: 80, height: 24)
        fresh.run("\(fresh.nettutor) open tcp")
        expectScreen(fresh.waitFor("?:help"), "fresh reader up")
        fresh.send("g")
        usleep(300_000)
        let expected = fresh.screen()
        expectScreen(stormed.waitUntil(timeout: 5) { $0 == expected }, "same screen as a fresh start at 80x24; expected:\n\(expected)")
        stormed.send("q")
        fresh.send("q")
        expectScreen(stormed.waitForPrompt(), "quits after the storm")
    }

    @Test func resizeStormInADemoEndsOnTheSameScreenAsAFreshStart() throws {
        let stormed = try TmuxSession(width: 100, height: 30)
        stormed.run("\(stormed.nettutor) demo tcp --seed 3")
        expectScreen(stormed.waitFor("TCP connection states"), "demo up")
        for _ in 0..<120 {
            stormed.resize(width: Int.random(in: 10...220), height: Int.random(in: 3...70))
        }
        stormed.resize(width: 100, height: 30)
        usleep(500_000)
        let fresh = try TmuxSession(width: 100, height: 30)
        fresh.run("\(fresh.nettutor) demo tcp --seed 3")
        expectScreen(fresh.waitFor("TCP connection states"), "fresh demo up")
        usleep(300_000)
        let expected = fresh.screen()
        expectScreen(stormed.waitUntil(timeout: 5) { $0 == expected }, "same demo screen as a fresh start; expected:\n\(expected)")
        stormed.send("q")
        fresh.send("q")
        expectScreen(stormed.waitForPrompt(), "quits after the storm")
    }
}
