import LessonKit
import Testing
import TestSupport
@testable import Render

@Suite struct LayoutTests {
    func render(_ width: Int) -> RenderedDocument {
        let (lesson, _) = Lesson.read(text: Fixtures.sample, path: "sample.md")
        return Layout.render(lesson!.document(), width: width)
    }

    func text(_ r: RenderedDocument) -> String {
        r.lines.map(TextRenderer.plain).joined(separator: "\n")
    }

    @Test(arguments: [20, 40, 80])
    func sampleLessonMatchesSnapshot(width: Int) {
        let failure = Snapshot.check(text(render(width)), named: "sample-\(width)")
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test(arguments: [20, 40, 80])
    func noLineIsWiderThanThePage(width: Int) {
        for line in render(width).lines {
            #expect(line.width <= width, "too wide: \(line.text)")
        }
    }

    @Test func chineseParagraphWrapsAtThePaneEdgeWithoutSplittingCharacters() {
        let doc = MarkdownParser.parse("中文段落需要在窗格边缘换行这是对阅读器的基本要求")
        let r = Layout.render(doc, width: 15)  // margin 0 below 40 columns
        let lines = r.lines.map(TextRenderer.plain)
        #expect(lines == ["中文段落需要在", "窗格边缘换行这", "是对阅读器的基", "本要求"])
        #expect(r.lines.allSatisfy { $0.width <= 15 })
    }

    @Test func cjkPunctuationDoesNotStartALine() {
        let doc = MarkdownParser.parse("一二三四。五六")
        let lines = Layout.render(doc, width: 8).lines.map(TextRenderer.plain)
        #expect(lines == ["一二三", "四。五六"])
    }

    @Test func headingsAnchorsAndFocusablesAreIndexed() {
        let r = render(80)
        #expect(r.headings.map(\.anchor) == ["sample", "part-one", "part-two"])
        #expect(r.focusables.map(\.target) == [.link("#part-two"), .link("other.md#start"), .link("https://example.com"), .demo("tcp-state")])
    }

    @Test func externalLinksShowTheirURL() {
        #expect(text(render(80)).contains("a site <https://example.com>"))
    }

    @Test func escapeSequencesFromEntitiesAreShownNotSent() {
        let doc = MarkdownParser.parse("x &#27;]52;c;aGk=&#7; &#x9b;31m y\u{1B}[2J")
        let out = Layout.render(doc, width: 80).lines.map(TextRenderer.plain).joined()
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
        #expect(out.contains("␛]52;c;aGk=␇"))
    }

    @Test func tableTooWideForThePageIsShownRowByRow() {
        let header = "|" + (1...60).map { "c\($0)" }.joined(separator: "|") + "|"
        let sep = "|" + String(repeating: "-|", count: 60)
        let row = "|" + (1...60).map { "v\($0)" }.joined(separator: "|") + "|"
        let r = Layout.render(MarkdownParser.parse(header + "\n" + sep + "\n" + row + "\n"), width: 80)
        let out = r.lines.map(TextRenderer.plain)
        #expect(out.contains { $0.contains("shown row by row") })
        #expect(out.contains("    c60: v60"))
    }

    @Test func longCodeLinesWrapWithAVisibleMarker() {
        let doc = MarkdownParser.parse("```\n" + String(repeating: "x", count: 50) + "\n```\n")
        let out = Layout.render(doc, width: 30).lines.map(TextRenderer.plain)
        #expect(out.contains { $0.hasPrefix("│ ↪") })
        #expect(out.joined().filter { $0 == "x" }.count == 50)
    }

    /// Code, diagrams and raw HTML keep their lines and tab stops, with control characters
    /// in them shown as stand-ins (a regression: cleaning the whole text first turned every
    /// line feed into "␊" and every tab into "␉").
    @Test func literalBlocksKeepTheirLinesAndTabsAndShowControlCharacters() {
        let doc = MarkdownParser.parse("""
            ```sh
            one
            \ttwo
            three\u{1B}[2J
            ```

            ```text
            ┌─┐
            └─┘
            ```

            <div>
            <p>x</p>
            </div>

            """)
        let out = Layout.render(doc, width: 40).lines.map(TextRenderer.plain)
        #expect(out == ["  ┌─ sh ──────────────────", "  │ one", "  │     two", "  │ three␛[2J", "  └───────────────────────", "",
                        "  ┌─┐", "  └─┘", "", "  <div>", "  <p>x</p>", "  </div>"])
    }

    @Test func firstLineOfABlockIsFoundForRestoringPositions() {
        let r = render(40)
        for block in 0..<5 {
            if let line = r.firstLine(ofBlock: block) {
                #expect(r.lines[line].block == block)
                #expect(line == 0 || r.lines[line - 1].block < block)
            }
        }
    }
}
