import Testing
@testable import Render

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnEach() { #expect(DisplayWidth.of("hello") == 5) }
    @Test func cjkIsTwoColumns() { #expect(DisplayWidth.of("中文") == 4) }
    @Test func combiningMarksAddNothing() { #expect(DisplayWidth.of("e\u{301}") == 1) }
    @Test func emojiIsTwoColumns() { #expect(DisplayWidth.of("🙂") == 2) }
    @Test func zeroWidthSpaceIsZero() { #expect(DisplayWidth.of("a\u{200B}b") == 2) }
    @Test func fullwidthLatinIsTwo() { #expect(DisplayWidth.of("Ａ") == 2) }
}

@Suite struct SanitizerTests {
    @Test func c0AndDelBecomeControlPictures() {
        #expect(Sanitizer.clean("a\u{1B}b\u{7}c\u{7F}") == "a␛b␇c␡")
    }
    @Test func c1ControlsAndBidiOverridesAreReplaced() {
        #expect(Sanitizer.clean("x\u{9B}y\u{202E}z") == "x\u{FFFD}y\u{FFFD}z")
    }
    @Test func ordinaryTextIsUntouched() {
        #expect(Sanitizer.clean("TIME-WAIT — 中文 é") == "TIME-WAIT — 中文 é")
    }
}

@Suite struct ScreenBufferTests {
    @Test func wideCharacterThatDoesNotFitBecomesASpace() {
        var b = ScreenBuffer(width: 3, height: 1)
        b.put("a中文", row: 0, column: 0, style: .plain)
        #expect(b.text() == "a中")
        var c = ScreenBuffer(width: 2, height: 1)
        c.put("a中", row: 0, column: 0, style: .plain)
        #expect(c.rowText(0) == "a")
        #expect(c[0, 1].width == 1)
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var b = ScreenBuffer(width: 4, height: 1)
        b.put("中文", row: 0, column: 0, style: .plain)
        b.put("x", row: 0, column: 1, style: .plain)
        #expect(b.text() == " x文")
    }

    /// Text of single-scalar graphemes (box drawing, arrows, dashes, Latin-1) is placed a
    /// scalar at a time; anything that can join a neighbour goes grapheme by grapheme. Both
    /// must fill the same cells.
    @Test func boxDrawingAndCombiningTextFillOneCellPerGrapheme() {
        var b = ScreenBuffer(width: 12, height: 2)
        b.put("┌─ a—b→§ ─┐xyz", row: 0, column: 0, style: .plain)
        #expect(b.row(0).map(\.text) == ["┌", "─", " ", "a", "—", "b", "→", "§", " ", "─", "┐", "x"])
        #expect(b.row(0).allSatisfy { $0.width == 1 })
        b.put("e\u{301}─中x", row: 1, column: 0, style: .plain, limit: 4)
        #expect(b.row(1).prefix(5).map(\.text) == ["e\u{301}", "─", "中", "", " "])
        #expect(b.rowText(1) == "e\u{301}─中")
    }

    @Test func controlCharactersNeverReachCells() {
        var b = ScreenBuffer(width: 10, height: 1)
        b.put("\u{1B}[2J", row: 0, column: 0, style: .plain)
        #expect(b.cells.allSatisfy { !$0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }
}

@Suite struct HighlighterTests {
    @Test func shellCommentsAndVariablesAreMarked() {
        var h = Highlighter(.sh)
        let spans = h.highlight("echo \"$HOME\" # hi")
        #expect(spans.first?.style.role == .keyword)
        #expect(spans.last?.style.role == .comment)
        #expect(spans.contains { $0.style.role == .string })
    }

    @Test func cBlockCommentsSpanLines() {
        var h = Highlighter(.c)
        _ = h.highlight("int x; /* start")
        let spans = h.highlight("still comment */ return 0;")
        #expect(spans.first?.style.role == .comment)
        #expect(spans.contains { $0.text == "return" && $0.style.role == .keyword })
    }

    /// The byte path for printable ASCII gives the spans of the `Character` path, with the
    /// block-comment state carried from line to line the same way.
    @Test func theASCIIPathIsTheCharacterPath() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["int", "return", "func", "Self", "echo", "if", "fi", "x", "_a1", "  ", " ", "#", "//", "/*", "*/",
                      "\"", "'", "\\", "$HOME", "${X}", "$", "0x1F", "3.14", "42", "a2", "_", ";", "(", ")", "{", "}",
                      "*", "/", "GET", "Host:", "x.y", "1_000", "e", "-", "=", "\"s\\\"q\"", "'c'"]
        var lines = ["echo \"$HOME\" # hi", "int x; /* start", "still comment */ return 0;", "#include <x.h>", "  # not", ""]
        for _ in 0..<3000 {
            lines.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for language in [Highlighter.Language.sh, .c, .swift] {
            var fast = Highlighter(language)
            var reference = Highlighter(language)
            for line in lines {
                var copy = line
                let spans = copy.withUTF8 { fast.highlightPrintableASCII($0) }
                let expected = reference.highlightCharacters(line)
                #expect(spans == expected, "\(language) \(line.debugDescription)")
                #expect(fast.inBlockComment == reference.inBlockComment, "\(language) \(line.debugDescription)")
            }
        }
    }

    @Test func httpRequestLineAndHeaders() {
        var h = Highlighter(.http)
        #expect(h.highlight("GET / HTTP/1.1").first?.style.role == .keyword)
        #expect(h.highlight("Host: example.com").first?.text == "Host")
    }
}
