import LessonKit
import Testing
import TestSupport
@testable import Render

/// Laying out block by block and laying one block out again must give exactly what a
/// whole layout gives.
@Suite struct IncrementalLayoutTests {
    func document(_ text: String) -> Document {
        Lesson.read(text: text, path: "t.md").0!.document()
    }

    func expectSame(_ a: RenderedDocument, _ b: RenderedDocument, _ comment: String = "") {
        #expect(a.lines == b.lines, "lines \(comment)")
        #expect(a.headings == b.headings, "headings \(comment)")
        #expect(a.focusables == b.focusables, "focusables \(comment)")
        #expect(a.anchors == b.anchors, "anchors \(comment)")
        #expect(a.blockStarts == b.blockStarts, "block starts \(comment)")
    }

    /// Quiz cards whose height depends on a per-line setting, as a card's does when it is
    /// answered: `tall` holds the fence lines drawn with extra lines.
    func options(tall: Set<Int>) -> Layout.Options {
        Layout.Options(quizCard: { _, line, width, focus in
            let rows = tall.contains(line) ? 5 : 2
            return (0..<rows).map { Line([Span("card \(line) row \($0)", .plain, focus: focus)]) }
        })
    }

    @Test func appendingBlockByBlockStartsEachBlockAfterItsBlankLine() {
        let doc = document(Fixtures.long(sections: 5))
        let whole = Layout.render(doc, width: 60)
        #expect(whole.laidOutBlocks == doc.blocks.count)
        for (i, start) in whole.blockStarts.enumerated() {
            #expect(whole.lines[start].block == i)
            #expect(whole.firstLine(ofBlock: i) == start)
            if i > 0 { #expect(whole.lines[start].spans.isEmpty, "block \(i) starts with its blank line") }
        }
    }

    @Test(arguments: [80, 33])
    func layingOutABlockAgainWithTheSameCardsChangesNothing(width: Int) {
        let doc = document(Fixtures.long(sections: 6) + Fixtures.sample.split(separator: "---\n", maxSplits: 2).last!)
        let opts = options(tall: [])
        let whole = Layout.render(doc, width: width, options: opts)
        for index in doc.blocks.indices {
            var again = whole
            #expect(again.relayOut(doc.blocks[index], at: index, options: opts) == 0)
            expectSame(again, whole, "block \(index)")
        }
    }

    @Test func aCardThatGrowsMovesEverythingAfterIt() throws {
        let doc = document(Fixtures.long(sections: 8))
        let quizzes = doc.blocks.enumerated().compactMap { i, b -> (Int, Int)? in
            if case .quiz = b.kind { return (i, b.line) } else { return nil }
        }
        #expect(quizzes.count == 2)
        let (index, line) = try #require(quizzes.first)
        var grown = Layout.render(doc, width: 70, options: options(tall: []))
        #expect(grown.relayOut(doc.blocks[index], at: index, options: options(tall: [line])) == 3)
        expectSame(grown, Layout.render(doc, width: 70, options: options(tall: [line])), "after growing")
        #expect(grown.relayOut(doc.blocks[index], at: index, options: options(tall: [])) == -3)
        expectSame(grown, Layout.render(doc, width: 70, options: options(tall: [])), "after shrinking back")
    }

    @Test func aBlockThatStopsDrawingItsTargetRenumbersTheFocusIdsAfterIt() throws {
        let doc = document(Fixtures.long(sections: 4))
        let (index, line) = try #require(doc.blocks.enumerated().compactMap { i, b -> (Int, Int)? in
            if case .quiz = b.kind { return (i, b.line) } else { return nil }
        }.first)
        // A card drawn without its focus id: the quiz is no longer focusable.
        let unfocused = Layout.Options(quizCard: { _, l, _, _ in l == line ? [Line([Span("plain card")])] : nil })
        let plain = Layout.Options(quizCard: { _, _, _, _ in nil })
        var doc1 = Layout.render(doc, width: 60, options: plain)
        doc1.relayOut(doc.blocks[index], at: index, options: unfocused)
        // Layout ties every card line to the card's focus, so the target stays; the counts
        // and the links after it must still agree with a whole layout.
        expectSame(doc1, Layout.render(doc, width: 60, options: unfocused))
    }

    /// Big blocks of every kind that comes in parts, each crossing a part boundary.
    static let bigBlocks: String = {
        var s = "# Big\n\n```sh\n"
        for i in 0..<1_000 { s += "echo line \(i) # comment\t$VAR\n" }
        s += "```\n\n```c\n"
        for i in 0..<900 { s += i == 395 ? "int x; /* a comment that\n" : i == 405 ? "ends here */ int y;\n" : "int v\(i) = \(i);\n" }
        s += "```\n\n```text\n"
        for i in 0..<850 { s += "│ diagram row \(i) │\n" }
        s += "```\n\n<div>\n"
        for i in 0..<450 { s += "<p>html \(i)</p>\n" }
        s += "</div>\n\n"
        for i in 1...250 { s += "\(i). item [link \(i)](#big)\n" }
        s += "\n---\n\n"
        for i in 0..<230 { s += "- loose \(i)\n\n" }
        s += "---\n\n"
        for i in 0..<120 { s += "> quoted paragraph \(i)\n>\n" }
        s += "\nafter\n\n"
        // One paragraph of 3,000 lines: it comes in parts, with a word cut at each part's end.
        for i in 0..<3_000 { s += "line *\(i)* of a `paragraph`、中文。 \(String(repeating: "x", count: i % 97))\n" }
        s += "\n- a\n- b\n\n  ```quiz\n  - id: q\n  ```\n"
        for i in 0..<150 { s += "- tail \(i)\n" }
        return s
    }()

    /// The old way: every top-level block laid out whole, with its blank line and margin.
    func wholeBlocks(_ doc: Document, width: Int, options: Layout.Options) -> [String] {
        var layout = Layout(options: options)
        let (margin, textWidth) = Layout.textColumn(width: width, options: options)
        var out: [String] = []
        for (i, block) in doc.blocks.enumerated() {
            if i > 0 { out.append("") }
            for line in layout.block(block, width: textWidth) {
                out.append(String(repeating: " ", count: margin) + TextRenderer.ansi(line))
            }
        }
        return out
    }

    @Test(arguments: [80, 33, 7])
    func partsPutTogetherAreTheBlockLaidOutWhole(width: Int) {
        let doc = MarkdownParser.parse(Self.bigBlocks)
        let opts = options(tall: [])
        let rendered = Layout.render(doc, width: width, options: opts)
        #expect(rendered.lines.map(TextRenderer.ansi) == wholeBlocks(doc, width: width, options: opts))
        #expect(!rendered.hasUnfinishedBlock)
        #expect(rendered.focusables.count == 251, "250 links and the quiz, nothing twice")
    }

    @Test func aBigBlockComesInPartsAndAPartLaidOutAgainKeepsItsPlace() throws {
        let doc = MarkdownParser.parse(Self.bigBlocks)
        let listIndex = try #require(doc.blocks.firstIndex { if case .list = $0.kind { return true } else { return false } })
        var partial = RenderedDocument(width: 60)
        for block in doc.blocks[..<listIndex] { partial.appendWhole(block) }
        let before = partial.lines.count
        partial.append(doc.blocks[listIndex])
        #expect(partial.hasUnfinishedBlock)
        #expect(partial.lines.count - before == 101, "a blank line and 100 items")
        partial.appendPart(doc.blocks[listIndex])
        let twoParts = partial.lines
        // Laid out again: still two parts, the same lines, and the rest follows as before.
        #expect(partial.relayOut(doc.blocks[listIndex], at: listIndex) == 0)
        #expect(partial.lines == twoParts)
        #expect(partial.hasUnfinishedBlock)
        while partial.hasUnfinishedBlock { partial.appendPart(doc.blocks[listIndex]) }
        for block in doc.blocks[(listIndex + 1)...] { partial.appendWhole(block) }
        expectSame(partial, Layout.render(doc, width: 60))
    }
}

