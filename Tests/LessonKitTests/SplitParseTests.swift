import BundledCourse
import Dispatch
import Testing
@testable import LessonKit

/// `show` parses a large body as two documents cut at a top-level heading, on two threads.
@Suite struct SplitParseTests {
    /// Every heading anchor blanked, at any depth: anchors are numbered per piece.
    static func withoutAnchors(_ blocks: [Block]) -> [Block] {
        blocks.map { block in
            var block = block
            switch block.kind {
            case .heading(let level, let content, _): block.kind = .heading(level: level, content: content, anchor: "")
            case .blockQuote(let inner): block.kind = .blockQuote(withoutAnchors(inner))
            case .list(var list):
                list.items = list.items.map { ListItem(task: $0.task, blocks: withoutAnchors($0.blocks)) }
                block.kind = .list(list)
            default: break
            }
            return block
        }
    }

    static var lessonBodies: [(name: String, body: String)] {
        BundledCourse.files.compactMap { file in
            Lesson.read(text: file.text, path: file.name).0.map { (file.name, $0.body) }
        }
    }

    func candidates(_ text: String) -> [MarkdownParser.Cut] {
        var found: [MarkdownParser.Cut] = []
        var copy = text
        copy.withUTF8 { bytes in
            MarkdownParser.scanCandidates(bytes) { found.append($0); return true }
        }
        return found
    }

    @Test func candidatesAreColumnZeroLinesAfterABlankLineOutsideFences() {
        let text = """
            # Title
            Intro.

            ## Kept
            text
            ## Not after a blank line

            ```sh
            echo hi

            # a shell comment, not a heading
            ```

            ~~~
            ```

            # still inside the tilde fence
            ~~~

            #hashtag is a paragraph

             # indented by one: not taken (column 0 only)

            ####### seven is a paragraph

            ### Last one
            tail
            """
        let cuts = candidates(text)
        #expect(cuts.map(\.line) == [4, 20, 24, 26])
        #expect(cuts.filter(\.isHeading).map(\.line) == [4, 26])
        #expect(candidates("a\n\n- item\n\n+ item\n\n* item\n\n> quote\n\n1. item\n\nlast\n").map(\.line) == [13])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for cut in cuts {
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: cut.lineStart)
            #expect(text[start...].hasPrefix(lines[cut.line - 1]))
        }
    }

    @Test func noCandidatesWhereDefinitionsOrLoneCarriageReturnsCouldMatter() {
        let base = "# A\n\ntext\n\n# B\n\nmore\n"
        #expect(candidates(base).map(\.line) == [3, 5, 7])
        #expect(candidates(base + "\n[x]: https://example.com\n").isEmpty)
        #expect(candidates(base + "\nNote[^1].\n\n[^1]: a footnote\n").isEmpty)
        #expect(candidates(base + "a\rb\n").isEmpty)
        // Windows line ends are lines like any other.
        #expect(candidates(base.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")).map(\.line) == [3, 5, 7])
    }

    @Test func theBundledLessonsCutAtAnyCandidateGiveTheWholeBody() throws {
        for (name, body) in Self.lessonBodies {
            let whole = MarkdownParser.parse(body, lineOffset: 9)
            let cuts = candidates(body)
            #expect(cuts.filter(\.isHeading).count > 3, "\(name)")
            var taken = 0
            for cut in cuts {
                guard let (first, second) = MarkdownParser.splitDocuments(body, lineOffset: 9, atLine: cut.line) else {
                    #expect(!cut.isHeading, "\(name): the heading on line \(cut.line) was refused")
                    continue
                }
                taken += 1
                #expect(Self.withoutAnchors(first.blocks + second.blocks) == Self.withoutAnchors(whole.blocks), "\(name) cut at \(cut.line)")
                #expect(second.blocks.first?.line == cut.line + 9)
            }
            #expect(taken * 10 >= cuts.count * 9, "\(name): \(taken) of \(cuts.count) candidates taken")
        }
    }

    /// Any line may be tried (the fuzz check does): where the parse allows the cut, the
    /// pieces are the whole; list items inside a list, lazy lines, fenced code are refused.
    @Test func everyLineOfALessonIsACutOrRefused() throws {
        let body = try #require(Self.lessonBodies.first { $0.name.hasSuffix("tcp.md") }).body
        let whole = Self.withoutAnchors(MarkdownParser.parse(body).blocks)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).count
        var taken = 0, refused = 0
        for line in stride(from: 2, to: lines, by: 3) {
            if let (first, second) = MarkdownParser.splitDocuments(body, atLine: line) {
                taken += 1
                #expect(Self.withoutAnchors(first.blocks + second.blocks) == whole, "cut at \(line)")
            } else {
                refused += 1
            }
        }
        #expect(taken > 20 && refused > 20, "taken \(taken), refused \(refused)")
    }

    /// When the line the scan chose is refused (here it lies inside an HTML comment that
    /// spans blank lines), the body is parsed whole and its blocks are split as before.
    @Test func aRefusedCutFallsBackToOneParse() {
        let filler = (1...40).map { "Paragraph \($0) of the opening." }.joined(separator: "\n\n")
        let body = filler + "\n\n<!--\n\nInside a comment: not a block of its own.\n\nNor this.\n\n-->\n\n" + filler
        var copy = body
        let cut = copy.withUTF8 { MarkdownParser.cut($0, near: $0.count / 2, within: $0.count * 45 / 100...$0.count * 55 / 100) }
        #expect(cut.map { MarkdownParser.splitDocuments(body, atLine: $0.line) == nil } == true, "the scan picks a line inside the comment")
        let collected = Collected()
        MarkdownParser.withParts(body, parts: 2, cutBytes: 0) { part, document in
            collected.lock.withLock { collected.parts[part] = document }
        }
        #expect(collected.parts.count == 2)
        #expect(Self.withoutAnchors((collected.parts[0]?.blocks ?? []) + (collected.parts[1]?.blocks ?? []))
                == Self.withoutAnchors(MarkdownParser.parse(body).blocks))
    }

    /// A body with no heading at all is cut before a paragraph.
    @Test func aBodyWithoutHeadingsIsCutBeforeAParagraph() {
        let body = (1...200).map { "Paragraph \($0) with *emphasis*\nand a second line.\n\n- a list\n- of two\n\n```\ncode \($0)\n\nmore\n```" }
            .joined(separator: "\n\n")
        var copy = body
        let cut = copy.withUTF8 { MarkdownParser.cut($0, near: $0.count / 2, within: 0...$0.count) }
        #expect(cut.map { !$0.isHeading } == true)
        let collected = Collected()
        MarkdownParser.withParts(body, parts: 2, cutBytes: 0) { part, document in
            collected.lock.withLock { collected.parts[part] = document }
        }
        #expect((collected.parts[0]?.blocks ?? []) + (collected.parts[1]?.blocks ?? []) == MarkdownParser.parse(body).blocks)
        guard case .paragraph = collected.parts[1]?.blocks.first?.kind else {
            Issue.record("the second piece does not start with a paragraph")
            return
        }
    }

    @Test func aLineThatStartsNoTopLevelBlockIsRefused() {
        let cases: [(String, Int)] = [
            ("```\ncode\n\n# comment\n```\n", 4),           // inside a fenced code block
            ("<!--\nnote\n\n# inside a comment\n-->\n", 4),   // inside an HTML block (type 2)
            ("<pre>\nx\n\n# inside pre\n</pre>\n", 4),       // inside an HTML block (type 1)
            ("text\n# heading\n", 1),                         // the first line: nothing before
            ("para\nmore\n", 2),                              // a paragraph going on
            ("> quote\ngoing on lazily\n", 2),                 // a lazy line of the quote
            ("- a\n\n  b\n", 3),                              // the list item's second paragraph
            ("- a\n\n- b\n", 3),                              // the list's second item
            ("    code\n\n    more\n", 3),                      // the same indented code block
        ]
        for (text, line) in cases {
            #expect(MarkdownParser.splitDocuments(text, atLine: line) == nil, "\(text.debugDescription) at \(line)")
        }
        // After a blank line a paragraph at column 0 starts a block of its own.
        let quoted = "> quote\n\ntext\n"
        #expect(MarkdownParser.splitDocuments(quoted, atLine: 3).map { $0.0.blocks + $0.1.blocks } == MarkdownParser.parse(quoted).blocks)
        // A heading right after a paragraph (no blank line) still cuts cleanly.
        let text = "para\n# Heading\n\n~~gone~~ www.example.com\n"
        let split = MarkdownParser.splitDocuments(text, atLine: 2)
        #expect(split.map { $0.0.blocks + $0.1.blocks } == MarkdownParser.parse(text).blocks)
    }

    /// cmark-gfm gives no line to the paragraph its table extension splits off the lines
    /// before a table header; it gets the table's (its own first line), in pieces as in the whole.
    @Test func aParagraphSplitOffBeforeATableKeepsItsLine() throws {
        let text = "# T\n\nintro line\nmore intro\n| a | b |\n|---|---|\n| c | d |\n\n# U\n\nx\ny\n| e |\n|---|\n"
        let whole = MarkdownParser.parse(text, lineOffset: 10)
        #expect(whole.blocks.map(\.line) == [11, 13, 13, 19, 21, 21])
        let (first, second) = try #require(MarkdownParser.splitDocuments(text, lineOffset: 10, atLine: 9))
        #expect((first.blocks + second.blocks).map(\.line) == whole.blocks.map(\.line))
    }

    /// Autolinks are looked for per piece: a piece without any keeps the faster parse, and
    /// the pieces still put together to the whole.
    @Test func autolinksInOnePieceOnly() throws {
        let text = "Plain text.\n\n# Links\n\nSee www.example.com and https://example.org/x.\n"
        let (first, second) = try #require(MarkdownParser.splitDocuments(text, atLine: 3))
        #expect(first.blocks + second.blocks == MarkdownParser.parse(text).blocks)
        #expect(second.blocks.count == 2)
    }

    final class Collected: @unchecked Sendable {
        var parts: [Int: Document] = [:]
        let lock = CLock()
    }

    @Test(arguments: [2, 3])
    func withPartsCutsALargeBodyAndKeepsEveryBlock(parts: Int) throws {
        let body = try #require(Self.lessonBodies.max { $0.body.utf8.count < $1.body.utf8.count }).body
        let whole = MarkdownParser.parse(body, lineOffset: 4)
        let collected = Collected()
        MarkdownParser.withParts(body, lineOffset: 4, parts: parts, cutBytes: 0) { part, document in
            collected.lock.withLock { collected.parts[part] = document }
        }
        #expect(collected.parts.count == parts)
        let joined = (0..<parts).flatMap { collected.parts[$0]?.blocks ?? [] }
        #expect(Self.withoutAnchors(joined) == Self.withoutAnchors(whole.blocks))
        // Cut a little past the middle, at a heading.
        guard case .heading = collected.parts[1]?.blocks.first?.kind else {
            Issue.record("the second piece does not start with a heading")
            return
        }
        let lines = whole.blocks.last!.line
        #expect(collected.parts[1]!.blocks[0].line > lines * 35 / 100)
    }

    /// cmark-gfm 0.29.0.gfm.6 keeps its inline scanner's special characters in a global
    /// table that each parser clears when its inline pass ends; parsers on several threads
    /// must still each see `~~` and autolinks (the inline pass is serialized).
    @Test func parsersOnManyThreadsGiveTheTreesOfOne() {
        let text = (1...300).map { "Line \($0) has ~~struck~~ text, www.example.com/\($0) and a@b.example." }.joined(separator: "\n\n")
        let plain = (1...300).map { "Line \($0) has ~~struck~~ text and nothing else to link." }.joined(separator: "\n\n")
        let expected = [MarkdownParser.parse(text), MarkdownParser.parse(plain)]
        let results = Collected()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let document = MarkdownParser.parse(i % 2 == 0 ? text : plain)
            results.lock.withLock { results.parts[i] = document }
        }
        for i in 0..<16 {
            let same = results.parts[i] == expected[i % 2]
            #expect(same, "thread \(i) parsed its text differently")
        }
    }
}

@Suite struct LessonBytesTests {
    /// Reading a file's bytes splits before decoding; the lesson must be the one of decoding first.
    @Test func bytesReadAsTheDecodedText() {
        let frontMatter = "---\nid: x\ntitle: T\nsummary: s\norder: 1\nminutes: 2\n---\n"
        var files: [[UInt8]] = [
            Array((frontMatter + "# Body\n\ntext\n").utf8),
            Array(("\u{FEFF}---\r\nid: x\r\ntitle: T\r\nsummary: s\r\norder: 1\r\nminutes: 2\r\n...\r\nbody\r\n").utf8),
            Array(("---\t\nid: x\ntitle: T\nsummary: s\norder: 1\nminutes: 2\n---  \n# B\n").utf8),
            Array("---\nid: x\ntitle: T\n".utf8),              // not closed
            Array("no front matter\n".utf8),
            Array("---".utf8),
            [],
            Array(frontMatter.utf8) + [0xE2, 0x82, 0x0A, 0xFF, 0x41, 0xC3],  // invalid UTF-8 in the body
            Array("---\nid: x".utf8) + [0xFF] + Array("\ntitle: T\nsummary: s\norder: 1\nminutes: 2\n---\nb\n".utf8),
            Array(frontMatter.utf8.dropLast()),             // the closing fence without a newline
        ]
        files.append([0x2D, 0x2D, 0x2D, 0x0A, 0x80, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A, 0x80])
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("---".utf8), [0x0A], [0x0D], Array("...".utf8), [0xEF, 0xBB, 0xBF], Array("id: x".utf8), [0xFF], [0x20]]
        for _ in 0..<300 {
            files.append((0..<Int.random(in: 0...12, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! })
        }
        for bytes in files {
            let fromText = Lesson.read(text: decodeLessonText(bytes), path: "x.md")
            let fromBytes = Lesson.read(bytes: bytes, path: "x.md")
            #expect(fromText.1 == fromBytes.1, "\(bytes)")
            #expect(fromText.0?.meta == fromBytes.0?.meta)
            #expect(fromText.0?.body == fromBytes.0?.body, "\(bytes)")
            #expect(fromText.0?.bodyLineOffset == fromBytes.0?.bodyLineOffset)
            if let lesson = fromBytes.0 {
                #expect(lesson.withBodyUTF8 { Array($0) } == Array(lesson.body.utf8))
                #expect(lesson.bodyByteCount == lesson.body.utf8.count)
                #expect(lesson.document() == fromText.0?.document())
            }
            let splitText = FrontMatter.split(decodeLessonText(bytes))
            let splitBytes = FrontMatter.split(bytes: bytes)
            #expect(splitText.yaml == splitBytes.yaml && splitText.body == splitBytes.body && splitText.bodyLineOffset == splitBytes.bodyLineOffset, "\(bytes)")
        }
    }
}

@Suite struct UTF8CheckTests {
    func swiftSaysValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) != nil }
    }

    @Test func agreesWithSwiftsOwnCheck() {
        let edges: [[UInt8]] = [
            [], [0x41], [0xC2, 0x80], [0xC1, 0xBF], [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0x9F, 0xBF],
            [0xED, 0xA0, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x94], [0xF0, 0x9F, 0x98],
        ]
        for bytes in edges {
            // At every offset from an eight-byte boundary, after ASCII and before it.
            for pad in 0..<9 {
                let padded = Array(repeating: UInt8(ascii: "a"), count: pad) + bytes + Array(repeating: UInt8(ascii: "b"), count: pad)
                #expect(padded.withUnsafeBufferPointer { isValidUTF8($0) } == swiftSaysValid(padded), "\(padded)")
            }
        }
        var generator = SystemRandomNumberGenerator()
        let pool: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xA0, 0x9F, 0xED, 0xEF, 0xF0, 0x90, 0x8F, 0xF4, 0xF5, 0xFF, 0x00]
        for _ in 0..<50_000 {
            let bytes = (0..<Int.random(in: 0...20, using: &generator)).map { _ in
                Bool.random(using: &generator) ? pool.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            #expect(bytes.withUnsafeBufferPointer { isValidUTF8($0) } == swiftSaysValid(bytes), "\(bytes)")
        }
        for (name, body) in SplitParseTests.lessonBodies {
            #expect(Array(body.utf8).withUnsafeBufferPointer { isValidUTF8($0) }, "\(name)")
        }
    }
}
