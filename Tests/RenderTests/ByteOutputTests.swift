import LessonKit
import Testing
import TestSupport
@testable import Render

/// The byte-level writers and scanners of `nettutor show` against the `String` and
/// `Character` versions they replaced (kept here as references): same bytes, same widths.
@Suite struct ByteOutputTests {
    /// Pieces that exercise every branch: controls, C1, bidi marks, tabs, Prepend (U+0600),
    /// combining marks, emoji sequences, CJK, box drawing and runs of ASCII longer than eight.
    static let pieces = [
        "a", " ", "  ", "\t", "\u{1B}[2J", "\u{0}", "\u{7}", "\u{7F}", "\u{85}", "\u{9B}", "\u{200E}", "\u{200F}",
        "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{061C}", "\u{0600}", "\u{0600} ", "e\u{301}", "👩‍👩‍👧", "🇫🇷",
        "中文", "。", "─┼│", "→", "␊", "\u{2028}", "\u{FEFF}", "ASCII text longer than eight bytes", "x\r\ny", "\r",
        "\u{200B}", "\u{FE0F}", "Ｚ", "\u{E9}", "\u{10FFFF}", "\u{FFFE}",
    ]

    /// A deterministic mix of `pieces`.
    static func samples(count: Int = 400) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        return pieces + (0..<count).map { _ in (0..<(1 + next(8))).map { _ in pieces[next(pieces.count)] }.joined() }
    }

    static func referenceClean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\t" {
                out.append(" ")
            } else if let r = Sanitizer.replacement(for: s) {
                out.append(r)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    @Test func cleanOnBytesEqualsCleaningScalarByScalar() {
        for text in Self.samples() {
            #expect(Sanitizer.clean(text) == Self.referenceClean(text), "\(text.debugDescription)")
            #expect(Sanitizer.isClean(text) == (Self.referenceClean(text) == text), "\(text.debugDescription)")
        }
    }

    @Test func appendCleanedLeavesNoControlByte() {
        for text in Self.samples() {
            var out: [UInt8] = []
            var copy = text
            copy.withUTF8 { Sanitizer.appendCleaned($0, to: &out) }
            let cleaned = String(decoding: out, as: UTF8.self)
            #expect(!cleaned.unicodeScalars.contains { Sanitizer.replacement(for: $0) != nil || $0 == "\t" })
        }
    }

    @Test func printableASCIIScanStopsAtTheFirstOtherByte() {
        for text in Self.samples() {
            var copy = text
            let found = copy.withUTF8 { Sanitizer.endOfPrintableASCII($0, from: 0) }
            let expected = Array(text.utf8).firstIndex { $0 < 0x20 || $0 >= 0x7F } ?? text.utf8.count
            #expect(found == expected, "\(text.debugDescription)")
        }
    }

    static func referencePlain(_ line: Line) -> String {
        var s = ""
        for span in line.spans { s += referenceClean(span.text) }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    static func referenceANSI(_ line: Line) -> String {
        var s = ""
        for span in line.spans {
            let text = referenceClean(span.text)
            let sgr = TextRenderer.sgrCodes(span.style)
            if sgr.isEmpty { s += text } else { s += "\u{1B}[" + sgr + "m" + text + "\u{1B}[0m" }
        }
        return s
    }

    @Test func textRendererWritesWhatTheStringVersionsBuilt() {
        let styles = [Style.plain, Style(.heading1, .bold), Style(.focus), Style(.normal, [.italic, .strike])]
        let texts = Self.samples(count: 200)
        for (i, text) in texts.enumerated() {
            let line = Line([Span(text, styles[i % styles.count]), Span(texts[(i * 7) % texts.count]), Span(i % 3 == 0 ? "  " : "")])
            #expect(TextRenderer.plain(line) == Self.referencePlain(line), "\(text.debugDescription)")
            #expect(TextRenderer.ansi(line) == Self.referenceANSI(line), "\(text.debugDescription)")
        }
    }

    @Test func quizSummaryCountsQuestionsAsCharacterPrefixesDo() {
        let source = "- q: a\n-  x\n- \u{301}q\n- é\n-\n- \n  - nested\r\n- crlf\n"
        let expected = Layout.lines(of: source).filter { $0.hasPrefix("- ") }.count
        #expect(Card.quizSummary(source) == "\(expected) questions.")
        #expect(expected == 4)
    }

    @Test func aSpaceAfterAPrependScalarIsNotDropped() {
        // U+0600 and the space after it are one Character: `hasSuffix(" ")` is false.
        #expect(TextRenderer.plain(Line([Span("a\u{0600} ")])) == "a\u{0600} ")
        #expect(TextRenderer.plain(Line([Span("a\u{0600}  ")])) == "a\u{0600} ")
        #expect(TextRenderer.plain(Line([Span("ab  "), Span(" ")])) == "ab")
        #expect(TextRenderer.plain(Line([Span("x␊  ")])) == "x␊")
        #expect(TextRenderer.plain(Line([Span("x─ ")])) == "x─")
    }

    @Test func indentIsAPlainSpanBeforeTheLine() {
        let line = Line([Span("x", Style(.link, .underline)), Span(" ")])
        var plain: [UInt8] = []
        TextRenderer.write(line, ansi: false, indent: 2, into: &plain)
        #expect(String(decoding: plain, as: UTF8.self) == Self.referencePlain(Line([Span("  ")] + line.spans)))
        var ansi: [UInt8] = []
        TextRenderer.write(line, ansi: true, indent: 2, into: &ansi)
        #expect(String(decoding: ansi, as: UTF8.self) == Self.referenceANSI(Line([Span("  ")] + line.spans)))
    }

    static func referenceWidth(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for s in text.unicodeScalars {
            guard DisplayWidth.standsAlone(s.value) else { return DisplayWidth.graphemeWidth(text) }
            total += DisplayWidth.of(s)
        }
        return total
    }

    @Test func widthOnBytesEqualsWidthOnScalars() {
        for text in Self.samples() {
            #expect(DisplayWidth.of(text) == Self.referenceWidth(text), "\(text.debugDescription)")
        }
    }

    @Test func symbolTableAgreesWithTheRangeTables() {
        for v in DisplayWidth.symbolsStart..<DisplayWidth.symbolsEnd {
            #expect(DisplayWidth.of(Unicode.Scalar(v)!) == DisplayWidth.tableWidth(v), "U+\(String(v, radix: 16))")
        }
    }

    @Test func repeatedEqualsRepeating() {
        for unit in ["─", " ", "#", "━", "ab", ""] {
            for count in [0, 1, 2, 7, 80] {
                #expect(String.repeated(unit, count: count) == String(repeating: unit, count: count))
            }
        }
    }

    @Test func linesSplitAsCharactersDo() {
        for text in Self.samples() + ["", "\n", "a\nb\r\nc\n", "\r\n\n", "x\n\n"] {
            #expect(Layout.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.debugDescription)")
        }
    }

    @Test func chopCutsWhereTheCharacterLoopCut() {
        let layout = Layout(options: Layout.Options())
        let texts = Self.samples(count: 100) + ["┌──────┐ box → arrow ␊ " + String(repeating: "─", count: 50)]
        for text in texts {
            for width in [1, 2, 3, 5, 12] {
                let spans = [Span(text, Style(.code)), Span("│ tail", Style(.border))]
                #expect(layout.chop(spans, width: width) == layout.chop(spans, width: width, byScalars: false), "\(text.debugDescription) at \(width)")
            }
        }
    }

    static func document() -> Document {
        let body = Self.samples(count: 60).enumerated().map { i, text in
            switch i % 7 {
            case 6: return "Hard  \nbreaks\\\n\(text)  \n**bold** `code` ~~gone~~ <b>html</b> ![img](x.png)"
            case 0: return "# Heading \(i) \(text)"
            case 1: return "```c\nint x;\t\(text)\n```"
            case 2: return "- item \(text)\n  - nested"
            case 3: return "> quote \(text)"
            case 4: return "| a | b |\n|---|---|\n| \(text) | x |"
            default: return "Paragraph with *emphasis* and [a link](https://example.com) \(text)"
            }
        }.joined(separator: "\n\n")
        return MarkdownParser.parse(body)
    }

    @Test(arguments: [80, 33, 12, 5])
    func writeTextEqualsRenderedLines(width: Int) {
        let doc = Self.document()
        for ansi in [false, true] {
            let expected = Layout.render(doc, width: width).lines.map { ansi ? TextRenderer.ansi($0) : TextRenderer.plain($0) }
                .map { $0 + "\n" }.joined()
            var out: [UInt8] = []
            Layout.writeText(doc, blocks: 0..<doc.blocks.count, width: width, ansi: ansi, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == expected)
            // Cut anywhere, the two runs' text joined in order is the same.
            for cut in stride(from: 0, through: doc.blocks.count, by: 7) {
                var first: [UInt8] = []
                var second: [UInt8] = []
                Layout.writeText(doc, blocks: 0..<cut, width: width, ansi: ansi, into: &first)
                Layout.writeText(doc, blocks: cut..<doc.blocks.count, width: width, ansi: ansi, into: &second)
                #expect(first + second == out, "cut at block \(cut)")
            }
        }
    }

    @Test func aLaterPartStartsWithTheBlankLineBetweenBlocks() {
        let doc = Self.document()
        var whole: [UInt8] = []
        Layout.writeText(doc, blocks: doc.blocks.indices, width: 40, ansi: false, into: &whole)
        let cut = doc.blocks.count / 2
        var first: [UInt8] = []
        var second: [UInt8] = []
        Layout.writeText(Document(blocks: Array(doc.blocks[..<cut])), blocks: 0..<cut, width: 40, ansi: false, into: &first)
        let rest = Document(blocks: Array(doc.blocks[cut...]))
        Layout.writeText(rest, blocks: rest.blocks.indices, width: 40, ansi: false, afterOtherBlocks: true, into: &second)
        #expect(first + second == whole)
    }
}
