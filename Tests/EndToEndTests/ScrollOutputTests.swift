import Foundation
import Testing
import TestSupport

/// What one line of scrolling costs on the wire (issue 8): curses moves the page with the
/// terminal's scroll region and writes only the new line and the status line's change,
/// never the whole screen (a repaint on every step, e.g. `clearok` in `present`, writes
/// about 1,500 bytes per step here and fails). less writes about 40 bytes for the same step.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: TmuxSession.binary), "needs a built nettutor"))
struct ScrollOutputTests {
    @Test func oneLineScrollWritesAboutOneLineNotTheScreen() throws {
        let pty = try PseudoTerminal(arguments: ["open", "tcp"], width: 80, height: 24)
        let firstFrame = pty.readUntilQuiet(quietMs: 500)
        #expect(firstFrame.count > 1000, "the first frame draws the whole page (\(firstFrame.count) bytes)")
        var steps: [Int] = []
        for _ in 0..<6 {
            pty.send("j")
            steps.append(pty.readUntilQuiet().count)
        }
        // Per step: the scroll (about 20 bytes), the new line (at most 80 columns of text
        // plus its colours) and the status line's new percentage. A repaint is > 1000.
        #expect(steps.allSatisfy { $0 > 0 }, "every step draws something: \(steps)")
        #expect(steps.allSatisfy { $0 <= 200 }, "bytes per one-line scroll step: \(steps)")
        pty.send("q")
    }
}
