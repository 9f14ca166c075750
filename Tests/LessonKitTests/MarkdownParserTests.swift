import Foundation
import Testing
@testable import LessonKit

@Suite struct MarkdownParserTests {
    @Test func headingsGetGitHubStyleAnchorsAndRepeatsAreNumbered() {
        let doc = MarkdownParser.parse("# TIME-WAIT and 2MSL\n\n## Notes\n\n## Notes\n")
        let anchors = Linter.anchors(in: doc.blocks)
        #expect(anchors == ["time-wait-and-2msl", "notes", "notes-1"])
    }

    @Test func lineNumbersPointIntoTheLessonFile() {
        let doc = MarkdownParser.parse("para\n\n## H\n", lineOffset: 7)
        #expect(doc.blocks.map(\.line) == [8, 10])
    }

    @Test func gfmTableIsParsedWithAlignments() {
        let doc = MarkdownParser.parse("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
        guard case .table(let t) = doc.blocks.first?.kind else {
            Issue.record("no table")
            return
        }
        #expect(t.alignments == [.left, .right])
        #expect(t.header.map(\.plainText) == ["a", "b"])
        #expect(t.rows.map { $0.map(\.plainText) } == [["1", "2"]])
    }

    @Test func taskListItemsKnowWhetherTheyAreChecked() {
        let doc = MarkdownParser.parse("- [x] done\n- [ ] todo\n- plain\n")
        guard case .list(let l) = doc.blocks.first?.kind else {
            Issue.record("no list")
            return
        }
        #expect(l.items.map(\.task) == [true, false, nil])
    }

    @Test func quizAndDemoFencesBecomeReservedBlocks() {
        let doc = MarkdownParser.parse("```quiz\n- id: a\n```\n\n```demo\ntcp-state\n```\n")
        #expect(doc.blocks.map(\.kind) == [.quiz(source: "- id: a\n"), .demo(name: "tcp-state")])
    }

    @Test func strikethroughAutolinkAndRawHTMLAreKept() {
        let doc = MarkdownParser.parse("~~old~~ https://example.com <b>x</b>\n")
        guard case .paragraph(let inlines) = doc.blocks.first?.kind else {
            Issue.record("no paragraph")
            return
        }
        #expect(inlines.contains(.strikethrough([.text("old")])))
        #expect(inlines.contains(.link(destination: "https://example.com", content: [.text("https://example.com")])))
        #expect(inlines.contains(.html("<b>")))
    }

    @Test func thousandsOfNestedQuotesAreFlattenedInsteadOfOverflowingTheStack() {
        let doc = MarkdownParser.parse(String(repeating: ">", count: 5000) + " deep\n")
        var depth = 0
        var blocks = doc.blocks
        while case .blockQuote(let inner)? = blocks.first?.kind {
            depth += 1
            blocks = inner
        }
        #expect(depth <= MarkdownParser.maxNesting)
        #expect(blocks.first?.kind == .paragraph([.text("deep")]))
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let text = decodeLessonText([0x61, 0xFF, 0x62])
        #expect(text == "a\u{FFFD}b")
    }
}

@Suite struct SlugTests {
    @Test func asciiHeadingsGetTheSameSlugAsTheCharacterRule() {
        let reference: (String) -> String = { text in
            var out = ""
            for ch in text.lowercased() {
                if ch == " " { out.append("-") } else if ch == "-" || ch == "_" || ch.isLetter || ch.isNumber { out.append(ch) }
            }
            return out
        }
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }.joined()
        for text in ["TIME-WAIT and 2MSL", "Notes", "a_b c-d", "What's new? (2026)", "\t\r\nX\u{7F}", ascii, "Ünïcödé 表格", "e\u{301}"] {
            #expect(Slug.make(text) == reference(text), "\(text.debugDescription)")
        }
    }
}

@Suite struct MarkdownPartsTests {
    /// Blocks with every heading anchor blanked: the one thing `withParts` numbers per run.
    func withoutAnchors(_ blocks: [Block]) -> [Block] {
        blocks.map { block in
            if case .heading(let level, let content, _) = block.kind { return Block(.heading(level: level, content: content, anchor: ""), line: block.line) }
            return block
        }
    }

    final class Collected: @unchecked Sendable {
        var parts: [Int: Document] = [:]
        let lock = NSLock()
    }

    @Test(arguments: [1, 2, 3])
    func partsInOrderAreTheParsedBlocks(parts: Int) {
        let markdown = (1...40).map { "# Notes\n\nParagraph \($0) with [a link](#notes).\n\n- item\n- item \($0)\n\n```c\nint x;\n```" }.joined(separator: "\n\n")
        let whole = MarkdownParser.parse(markdown, lineOffset: 7)
        let collected = Collected()
        MarkdownParser.withParts(markdown, lineOffset: 7, parts: parts) { part, document in
            collected.lock.lock()
            collected.parts[part] = document
            collected.lock.unlock()
        }
        #expect(collected.parts.count == parts)
        let joined = (0..<parts).flatMap { collected.parts[$0]?.blocks ?? [] }
        #expect(withoutAnchors(joined) == withoutAnchors(whole.blocks))
        if parts > 1 { #expect(collected.parts.values.allSatisfy { !$0.blocks.isEmpty }) }
    }

    @Test func balancedRangesCoverEveryItemInOrder() {
        let lines = [1, 2, 5, 9, 30, 31, 32, 80, 81, 200]
        for parts in 1...4 {
            let ranges = MarkdownParser.balancedRanges(lines: lines, parts: parts)
            #expect(ranges.count == parts)
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == lines.count)
            for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
        }
        #expect(MarkdownParser.balancedRanges(lines: [], parts: 2) == [0..<0, 0..<0])
    }
}

/// The autolink extension runs only when a text node could hold an extended autolink; the
/// tree must be the one a parse with it always on gives.
@Suite struct AutolinkOnDemandTests {
    static let corpus: [(String, String)] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        var out: [(String, String)] = []
        for dir in ["Lessons", "Tests/ReliabilityTests/Corpus/lessons", "Tests/ReliabilityTests/Corpus/fuzz-regressions/markdown",
                    "Tests/ReliabilityTests/Corpus/markdown"] {
            let path = root.deletingLastPathComponent().appendingPathComponent(dir).path
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                if let data = FileManager.default.contents(atPath: path + "/" + name) {
                    out.append((dir + "/" + name, decodeLessonText(Array(data))))
                }
            }
        }
        return out
    }()

    static let samples = [
        "Plain text with no links at all.",
        "See www.example.com, https://example.org/a?b=c and me@example.com.",
        "WWW.EXAMPLE.COM in capitals, ftp://files.example.net/x and mailto:me@example.com",
        "Only in code: `www.example.com` and `a@b`\n\n```\nhttps://example.com\n```\n",
        "*www*.example.com, [www.example.com](#x), ![alt www.x.org](i.png), http:/not, a @ b",
        "| url | mail |\n|---|---|\n| www.example.com | x@y.org |\n",
        "<!-- www.example.com --> <a href=\"https://x\">x</a> www&#46;example.com https&#58;//x.org",
        "- item www.example.com\n  > quoted https://example.com/path\n",
        "Spelled with entities: me&#64;example.com, w&#119;w.example.com, https&#x3A;//example.org",
        "Joined by escapes: https:\\/\\/example.org, www\\.example.com, me\\@example.com",
        "Digits only: 1 2 3\n4 5 6\n",
    ]

    /// The bytes decide first: none of `@`, `://`, `www.`, `&`, `\` and no text node can
    /// hold a trigger, so the body is parsed once without the extension.
    @Test func theBytesRuleOutAutolinksOnlyWhenNothingCouldMakeOne() {
        let cases: [(String, Bool)] = [
            ("Plain text: 1, 2. Done", false),
            ("ends with wWw.", true), ("ends with wW.", false), ("WWW.", true), ("ww.x and w.w.w.", false),
            ("a@b", true), ("x://y", true), (":/ /", false), ("&amp;", true), ("a\\b", true),
            ("", false), ("www", false), (".", false), ("://", true),
        ]
        for (text, expected) in cases {
            var copy = text
            #expect(copy.withUTF8 { MarkdownParser.bytesMayHoldAutolinks($0) } == expected, "\(text.debugDescription)")
        }
    }

    @Test func theTreeIsTheSameAsWithTheExtensionAlwaysOn() {
        var checked = 0
        for (name, text) in Self.corpus + Self.samples.map({ ("sample", $0) }) {
            #expect(MarkdownParser.parse(text, autolink: nil) == MarkdownParser.parse(text, autolink: true), "\(name)")
            checked += 1
        }
        #expect(checked > 30, "the corpus was found: \(checked)")
    }

    @Test func bareURLsAndAddressesStillBecomeLinks() {
        let doc = MarkdownParser.parse(Self.samples[1])
        guard case .paragraph(let inlines) = doc.blocks.first?.kind else { Issue.record("no paragraph"); return }
        let links = inlines.compactMap { if case .link(let d, _) = $0 { return d } else { return nil } }
        #expect(links == ["http://www.example.com", "https://example.org/a?b=c", "mailto:me@example.com"])
    }

    @Test func aBodyAboveTheProbeLimitStillGetsItsLinks() {
        let big = String(repeating: "a", count: MarkdownParser.autolinkProbeLimit + 10) + "\n\nsee www.example.com\n"
        let doc = MarkdownParser.parse(big)
        guard case .paragraph(let inlines) = doc.blocks.last?.kind else { Issue.record("no paragraph"); return }
        #expect(inlines.contains { if case .link("http://www.example.com", _) = $0 { return true } else { return false } })
    }

    @Test func triggersAreFoundInTextOnly() {
        func holds(_ s: String) -> Bool { s.withCString { MarkdownParser.holdsAutolinkTrigger(UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) } }
        #expect(holds("a www.b"))
        #expect(holds("WwW."))
        #expect(holds("x://"))
        #expect(holds("a@b"))
        #expect(!holds("ww.w w.ww :/ / plain"))
        #expect(!holds(""))
        #expect(!holds(":"))
    }
}
