import Foundation
import TestSupport

/// Starting the real binary on a pty, and reading what it wrote.
enum PtyFixtures {
    typealias F = ReliabilityFixtures

    static let smcup = Array("\u{1B}[?1049h".utf8)
    static let rmcup = Array("\u{1B}[?1049l".utf8)

    /// `nettutor --state-dir <tmp> <args>` on a fresh pty; returns the session and the state dir.
    static func start(_ args: [String], lessons: String? = nil, width: Int = 80, height: Int = 24,
                      env: [String: String] = [:], unset: [String] = []) throws -> (PtySession, String) {
        let state = F.temporaryDirectory("state")
        var environment = F.environment(home: state, env)
        for key in unset { environment[key] = nil }
        var argv = [F.binary, "--state-dir", state]
        if let lessons { argv += ["--lessons", lessons] }
        return (try PtySession(argv + args, environment: environment, width: width, height: height), state)
    }

    /// The offset of the last occurrence of `needle` in `bytes`.
    static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var i = bytes.count - needle.count
        while i >= 0 {
            if bytes[i] == needle[0] && Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }

    static func count(of needle: [UInt8], in bytes: [UInt8]) -> Int {
        guard bytes.count >= needle.count else { return 0 }
        var n = 0
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] && Array(bytes[i..<(i + needle.count)]) == needle { n += 1 }
        return n
    }

    /// True when the terminal was handed back: the last thing written is curses' exit
    /// (rmcup), followed by nothing but mode resets, and no text after it.
    static func endsRestored(_ bytes: [UInt8]) -> Bool {
        guard let at = lastIndex(of: rmcup, in: bytes) else { return false }
        guard let enter = lastIndex(of: smcup, in: bytes), enter < at else { return false }
        let tail = Array(bytes[(at + rmcup.count)...])
        return TerminalText.pieces(tail).allSatisfy { if case .text = $0 { return false }; return true }
    }

    /// The reader has drawn its first frame: the status line's help hint is on screen.
    static func waitForReader(_ pty: PtySession, timeout: Double = 15) -> Bool {
        pty.waitUntil(timeout: timeout) { $0.text.contains("help") }
    }

    static func stateFile(_ dir: String) -> String { dir + "/state.json" }
}
