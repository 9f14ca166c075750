import FuzzChecks
import Testing
import TestSupport

/// The scanners the hostile-input tests rely on must catch what they claim to catch.
struct TerminalScanTests {
    func foreign(_ s: String) -> [TerminalText.Piece] { TerminalText.foreignSequences(Array(s.utf8)) }

    @Test func cursesOwnSequencesAreNotForeign() {
        #expect(foreign("\u{1B}[?1049h\u{1B}[1;24r\u{1B}(B\u{1B}[m\u{1B}[4l\u{1B}[?7h\u{1B}[H\u{1B}[2J\u{1B}[38;5;75mtext\u{1B}[K\r\n\u{1B}[?1049l").isEmpty)
    }

    @Test func lessonSequencesAreForeign() {
        #expect(foreign("\u{1B}]52;c;aGVsbG8=\u{07}").count >= 1, "OSC 52")
        #expect(foreign("\u{1B}]0;title\u{1B}\\").count >= 1, "OSC with ST")
        #expect(foreign("\u{1B}P1$q\u{1B}\\").count >= 1, "DCS")
        #expect(foreign("\u{9B}31m").count == 1, "C1 CSI (U+009B) as UTF-8")
        #expect(foreign("\u{1B}[6n").count == 1, "cursor position report request")
        #expect(foreign("bell\u{07}").count == 1, "BEL")
        #expect(foreign("nul\u{00}").count == 1, "NUL")
    }

    @Test func showOutputScanAllowsOnlyStyles() {
        #expect(TerminalBytes.firstForeignControl(Array("\u{1B}[1;38;5;75mTitle\u{1B}[0m\n".utf8), allowSGR: true) == nil)
        #expect(TerminalBytes.firstForeignControl(Array("\u{1B}[1mTitle".utf8), allowSGR: false) == 0)
        #expect(TerminalBytes.firstForeignControl(Array("x\u{1B}[2J".utf8), allowSGR: true) == 1)
        #expect(TerminalBytes.firstForeignControl(Array("x\u{1B}]8;;u\u{07}".utf8), allowSGR: true) == 1)
        #expect(TerminalBytes.firstForeignControl(Array("ok \u{9B}".utf8), allowSGR: true) == 3)
    }
}
