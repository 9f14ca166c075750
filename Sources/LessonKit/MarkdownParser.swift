import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// Parses CommonMark + GFM (tables, strikethrough, autolinks, task lists) with cmark-gfm
/// and converts the C tree into a `Document` at once; the C nodes are freed before returning.
public enum MarkdownParser {
    /// Containers nested deeper than this are flattened into their parent, so hostile
    /// input (thousands of nested lists or quotes) cannot exhaust the stack.
    public static let maxNesting = 32

    /// - Parameter lineOffset: added to cmark's line numbers so they point into the lesson file
    ///   (the body starts after the front matter).
    public static func parse(_ markdown: String, lineOffset: Int = 0) -> Document {
        parse(markdown, lineOffset: lineOffset, autolink: nil)
    }

    /// `autolink`: nil decides whether cmark's autolink extension needs to run (what `parse`
    /// does); true or false forces it (tests and the fuzz check compare the two).
    public static func parse(_ markdown: String, lineOffset: Int = 0, autolink: Bool?) -> Document {
        var text = markdown
        return text.withUTF8 { parse(utf8: $0, lineOffset: lineOffset, autolink: autolink) }
    }

    /// `parse` of valid UTF-8 (a lesson file's bytes: `Lesson.withBodyUTF8`).
    public static func parse(utf8: UnsafeBufferPointer<UInt8>, lineOffset: Int = 0, autolink: Bool? = nil) -> Document {
        withTree(utf8: utf8, autolink: autolink) { root in
            var converter = Converter(lineOffset: lineOffset)
            return Document(blocks: converter.blocks(under: root, depth: 0))
        } ?? Document(blocks: [])
    }

    /// Parses `utf8` with cmark-gfm and hands the root of the C tree to `body`; the tree is
    /// freed when `body` returns (unless `freeingTree` is false: see `withParts`). Nil when
    /// cmark cannot make a parser or a tree.
    ///
    /// GFM's extended autolinks (`www.`, `http://`, `user@host`) are found by cmark's
    /// autolink extension, which makes every `w` and `:` of the text a special character
    /// (it was a third of cmark's time on the lessons). So it runs only where it can make a
    /// link (`tree`): not at all when the bytes rule it out; otherwise the text is parsed
    /// without it first, and again with it only when a text node of the result holds `www.`,
    /// `://` or `@`: the tree is the same either way. Above `autolinkProbeLimit` bytes such a
    /// body gets the extension at once: parsing a 20 MB lesson twice would cost more than a
    /// second. `autolink` forces one way (tests compare the two). The text is fed from its
    /// own storage: copying it into an array first cost a page fault per 4 KiB of lesson.
    static func withTree<T>(utf8: UnsafeBufferPointer<UInt8>, freeingTree: Bool = true, autolink: Bool? = nil,
                            _ body: (OpaquePointer) -> T) -> T? {
        guard let root = tree(utf8, autolink: autolink) else { return nil }
        defer { if freeingTree { cmark_node_free(root) } }
        return body(root)
    }

    /// cmark's tree of `bytes`, with the autolink extension only where needed (see `withTree`).
    /// A body whose bytes hold none of `@`, `://`, `www.`, `&` (an entity can spell any of
    /// them) or `\` (an escape can join them: `http:\/\/`) cannot have a text node that
    /// holds a trigger, so it is parsed once without the extension and no tree is walked,
    /// whatever its size (the 20 MB paragraph of the bench: 9% less to open).
    static func tree(_ bytes: UnsafeBufferPointer<UInt8>, autolink: Bool?) -> OpaquePointer? {
        if autolink == nil && !bytesMayHoldAutolinks(bytes) { return cmarkTree(bytes, autolink: false) }
        let probe = autolink == nil && bytes.count <= autolinkProbeLimit
        guard let root = cmarkTree(bytes, autolink: autolink ?? !probe) else { return nil }
        guard probe && mayHoldExtendedAutolinks(root) else { return root }
        cmark_node_free(root)
        return cmarkTree(bytes, autolink: true)
    }

    /// The largest body parsed without the autolink extension first (see `withTree`).
    static let autolinkProbeLimit = 4 << 20

    /// Registers cmark-gfm's extensions once, before any parser looks them up.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Held while a parser turns text into inlines. cmark-gfm 0.29.0.gfm.6 (Debian 12's)
    /// keeps the table of characters that stop its inline scanner in a global array: each
    /// parser adds its extensions' characters (`~`, and `:` and `w` for autolinks) when its
    /// inline pass starts and clears them when it ends, so a parser ending its pass while
    /// another is in the middle of one takes `~~strikethrough~~` away from the other
    /// (github/cmark-gfm pull request 176). The inline pass runs inside
    /// `cmark_parser_finish`; parsing the blocks (`cmark_parser_feed`) touches no shared state
    /// and runs unlocked, so parsers on several threads still overlap there.
    private static let inlinePass = CLock()

    static func cmarkTree(_ bytes: UnsafeBufferPointer<UInt8>, autolink: Bool) -> OpaquePointer? {
        _ = extensionsRegistered
        // No CMARK_OPT_VALIDATE_UTF8: a Swift `String` is always valid UTF-8 (RFC 3629, the
        // rule cmark checks), and cmark replaces NUL bytes itself before that check, so the
        // check only copied each line (2% of rendering the 2 MB benchmark file).
        let options = CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in autolink ? ["table", "strikethrough", "autolink", "tasklist"] : ["table", "strikethrough", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        if let base = bytes.baseAddress {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { ptr in
                cmark_parser_feed(parser, ptr, bytes.count)
            }
        }
        return inlinePass.withLock { cmark_parser_finish(parser) }
    }

    /// A text node holds `www.` (any case), `://` or `@`.
    static func mayHoldExtendedAutolinks(_ root: OpaquePointer) -> Bool {
        guard let iter = cmark_iter_new(root) else { return true }
        defer { cmark_iter_free(iter) }
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter),
                  cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { continue }
            if holdsAutolinkTrigger(UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)) { return true }
        }
        return false
    }

    /// Whether a text node parsed from `bytes` could hold `www.` (any case), `://` or `@`:
    /// true when the bytes hold one of them, or `&` or `\`, which can make one in a text
    /// node without it being in the bytes. Found with memchr, many bytes at a time.
    static func bytesMayHoldAutolinks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        for c in [UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "\\")] where memchr(base, Int32(c), n) != nil { return true }
        func offset(_ p: UnsafeMutableRawPointer) -> Int { UnsafeRawPointer(p) - UnsafeRawPointer(base) }
        var at = 0
        while at < n, let hit = memchr(base + at, Int32(UInt8(ascii: ":")), n - at) {
            let i = offset(hit)
            if i + 2 < n && base[i + 1] == UInt8(ascii: "/") && base[i + 2] == UInt8(ascii: "/") { return true }
            at = i + 1
        }
        at = 3
        while at < n, let hit = memchr(base + at, Int32(UInt8(ascii: ".")), n - at) {
            let i = offset(hit)
            if (1...3).allSatisfy({ base[i - $0] | 0x20 == UInt8(ascii: "w") }) { return true }
            at = i + 1
        }
        return false
    }

    /// `www.` (any case), `://` or `@` in a NUL-terminated string (candidates found with
    /// libc's strpbrk, which skips the rest of the text many bytes at a time).
    static func holdsAutolinkTrigger(_ text: UnsafePointer<UInt8>) -> Bool {
        text.withMemoryRebound(to: CChar.self, capacity: 1) { start in
            var p = start
            while let hit = strpbrk(p, "@:.") {
                switch UInt8(bitPattern: hit.pointee) {
                case UInt8(ascii: "@"):
                    return true
                case UInt8(ascii: ":"):
                    if hit[1] == CChar(UInt8(ascii: "/")) && hit[2] == CChar(UInt8(ascii: "/")) { return true }
                default:  // "."
                    if UnsafePointer(hit) - start >= 3, (1...3).allSatisfy({ UInt8(bitPattern: hit[-$0]) | 0x20 == UInt8(ascii: "w") }) { return true }
                }
                p = UnsafePointer(hit) + 1
            }
            return false
        }
    }
}

/// A lesson body parsed by cmark-gfm whose top-level blocks become Swift values when they
/// are first needed, in order: the reader converts what it lays out, so a 20 MB lesson
/// opens after cmark's parse and one screen of conversion. Each C node is freed as soon as
/// it is converted; the rest go with the stream.
///
/// A body of `firstPieceBytes` x 2 or more is cut in two where `withParts` would cut it
/// (`SplitParse.swift`) near `firstPieceBytes`: the first piece is parsed at once, the rest
/// only when a block, the heading count or a quiz past the first piece is asked for (the
/// reader's first screen needs neither: opening the longest lesson parsed 55 KB of Markdown
/// before drawing 24 lines). The blocks are those of a whole parse.
///
/// Conversion only appends, and gives the same blocks whoever asks first, so copies of a
/// value holding a stream may share it. It is meant for one thread at a time.
public final class DocumentStream: @unchecked Sendable {
    /// The blocks converted so far (all of them once `isComplete`).
    public private(set) var blocks: [Block] = []
    /// Headings anywhere in the body, converted or not (parses the rest if it is pending).
    public var headingCount: Int {
        parseRest()
        return headings
    }
    /// The heading count if nothing is pending, else nil (nothing is parsed to answer).
    public var headingCountIfKnown: Int? { rest == nil ? headings : nil }
    /// The body's quiz blocks (the file line of the fence, the YAML), in document order.
    public var quizzes: [(line: Int, source: String)] {
        parseRest()
        return foundQuizzes
    }
    public var quizLines: [Int] { quizzes.map(\.line) }
    /// The size of the Markdown it was parsed from (0 for a stream over converted blocks).
    public let sourceBytes: Int
    /// Parsed pieces not yet converted to the end, with the line offset of each.
    private var pieces: [(root: OpaquePointer, lineOffset: Int)] = []
    /// The second piece's bytes, until it is parsed.
    private var rest: (bytes: [UInt8], lineOffset: Int)?
    private var converter: Converter
    private var headings = 0
    private var foundQuizzes: [(line: Int, source: String)] = []

    /// Where a long body is cut for the first piece (about two screens of the longest lesson).
    public static let firstPieceBytes = 8 * 1024

    public convenience init(_ markdown: String, lineOffset: Int = 0, firstPieceBytes: Int = DocumentStream.firstPieceBytes) {
        var text = markdown
        self.init(piecesOf: text.withUTF8 { Self.firstPiece($0, lineOffset: lineOffset, target: firstPieceBytes) },
                  sourceBytes: markdown.utf8.count, lineOffset: lineOffset)
    }

    /// A stream over valid UTF-8 (a lesson file's bytes: `Lesson.withBodyUTF8`), which cmark
    /// copies (and the rest is copied): the bytes need not outlive the call.
    public convenience init(utf8: UnsafeBufferPointer<UInt8>, lineOffset: Int = 0, firstPieceBytes: Int = DocumentStream.firstPieceBytes) {
        self.init(piecesOf: Self.firstPiece(utf8, lineOffset: lineOffset, target: firstPieceBytes), sourceBytes: utf8.count, lineOffset: lineOffset)
    }

    /// The first piece's tree and the rest to parse later, or the whole body's tree.
    private static func firstPiece(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int, target: Int)
        -> (root: OpaquePointer?, rest: (bytes: [UInt8], lineOffset: Int)?) {
        if target > 0, bytes.count >= 2 * target,
           let cut = MarkdownParser.cut(bytes, near: target, within: target / 2...target * 3 / 2),
           let first = MarkdownParser.firstPieceTree(bytes, cut: cut, autolink: nil) {
            return (first, (Array(bytes[cut.lineStart...]), lineOffset + cut.line - 1))
        }
        return (MarkdownParser.withTree(utf8: bytes, freeingTree: false) { $0 }, nil)
    }

    private init(piecesOf parsed: (root: OpaquePointer?, rest: (bytes: [UInt8], lineOffset: Int)?), sourceBytes: Int, lineOffset: Int) {
        self.sourceBytes = sourceBytes
        converter = Converter(lineOffset: lineOffset)
        rest = parsed.rest
        if let root = parsed.root { add(root, lineOffset: lineOffset) }
    }

    private func add(_ root: OpaquePointer, lineOffset: Int) {
        pieces.append((root, lineOffset))
        let (h, q) = Self.survey(root, lineOffset: lineOffset)
        headings += h
        foundQuizzes += q
    }

    /// Parses the rest of the body, if it is pending.
    private func parseRest() {
        guard let pending = rest else { return }
        rest = nil
        let root = pending.bytes.withUnsafeBufferPointer { MarkdownParser.tree($0, autolink: nil) }
        if let root { add(root, lineOffset: pending.lineOffset) }
    }

    /// The place of the quiz block whose fence is on file line `line` among the body's quiz
    /// blocks (the seed of its card), parsing the rest only if the line is not in the first piece.
    public func quizOrdinal(ofLine line: Int) -> Int? {
        if let i = foundQuizzes.firstIndex(where: { $0.line == line }) { return i }
        guard rest != nil else { return nil }
        parseRest()
        return foundQuizzes.firstIndex { $0.line == line }
    }

    /// A stream over blocks that are already converted.
    public init(_ document: Document) {
        sourceBytes = 0
        blocks = document.blocks
        converter = Converter(lineOffset: 0)
        Linter.walk(document.blocks) { block in
            switch block.kind {
            case .heading: headings += 1
            case .quiz(let source): foundQuizzes.append((block.line, source))
            default: break
            }
        }
    }

    deinit {
        for piece in pieces { cmark_node_free(piece.root) }
    }

    public var isComplete: Bool { rest == nil && pieces.allSatisfy { cmark_node_first_child($0.root) == nil } }

    /// Converts top-level nodes until block `index` exists; false when the body has fewer blocks.
    @discardableResult
    public func ensure(block index: Int) -> Bool {
        while blocks.count <= index, convertNext() {}
        return index < blocks.count
    }

    /// Converts the first C node left (some give no block, some several) and frees it; a
    /// piece converted to its end makes way for the next (parsing the rest if pending).
    private func convertNext() -> Bool {
        while true {
            if let piece = pieces.first {
                if let node = cmark_node_first_child(piece.root) {
                    converter.lineOffset = piece.lineOffset
                    blocks += converter.block(node, depth: 0)
                    cmark_node_unlink(node)
                    cmark_node_free(node)
                    return true
                }
                cmark_node_free(piece.root)
                pieces.removeFirst()
                continue
            }
            guard rest != nil else { return false }
            parseRest()
        }
    }

    /// Headings and quiz blocks in the whole tree, found without converting it: block
    /// containers are walked with a stack of their own (no depth limit) and leaf blocks'
    /// inline children are skipped. The converter keeps every heading and code block,
    /// flattened or not, so the counts agree with what conversion gives.
    private static func survey(_ root: OpaquePointer, lineOffset: Int) -> (headings: Int, quizzes: [(line: Int, source: String)]) {
        var headings = 0
        var quizzes: [(line: Int, source: String)] = []
        var stack: [OpaquePointer] = []
        var child = cmark_node_first_child(root)
        while true {
            guard let node = child else {
                guard let parent = stack.popLast() else { break }
                child = cmark_node_next(parent)
                continue
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                headings += 1
            case CMARK_NODE_CODE_BLOCK:
                let info = cmark_node_get_fence_info(node).map { String(cString: $0).trimmingSpaces } ?? ""
                if info.split(separator: " ", maxSplits: 1).first == "quiz" {
                    quizzes.append((Int(cmark_node_get_start_line(node)) + lineOffset,
                                    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""))
                }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                break
            default:
                // Containers (quotes, lists, items, footnotes); a table holds only inlines.
                if let first = cmark_node_first_child(node), String(cString: cmark_node_get_type_string(node)) != "table" {
                    stack.append(node)
                    child = first
                    continue
                }
            }
            child = cmark_node_next(node)
        }
        return (headings, quizzes)
    }
}

struct Converter {
    /// Added to cmark's line numbers (a stream's pieces each have their own).
    var lineOffset: Int
    var slugs = SlugAllocator()
    /// The line of the block converted last. cmark-gfm gives no line (0) to the paragraph
    /// its table extension splits off the lines before a table's header row (the table
    /// keeps the paragraph's first line). Such a block gets the line of the node after it,
    /// else of the block before it (the body's first line if none), never a line before
    /// the body: a body parsed in pieces (`SplitParse.swift`) numbers it as the whole does.
    private var lastLine: Int

    init(lineOffset: Int) {
        self.lineOffset = lineOffset
        lastLine = lineOffset + 1
    }

    mutating func blocks(under parent: OpaquePointer, depth: Int) -> [Block] {
        var out: [Block] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            out.append(contentsOf: block(node, depth: depth))
            child = cmark_node_next(node)
        }
        return out
    }

    /// Past the nesting cap, collects the leaf blocks of a subtree without recursion
    /// (cmark's iterator walks it), so no input depth can exhaust the stack.
    mutating func flattenedLeaves(_ root: OpaquePointer) -> [Block] {
        var out: [Block] = []
        guard let iter = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iter) }
        var skipping: OpaquePointer? = nil
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            if let s = skipping {
                if event == CMARK_EVENT_EXIT && node == s { skipping = nil }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                out += block(node, depth: 0)
                if cmark_node_first_child(node) != nil { skipping = node }
            default:
                if typeString(node) == "table" {
                    out += block(node, depth: 0)
                    skipping = node
                }
            }
        }
        return out
    }

    mutating func block(_ node: OpaquePointer, depth: Int) -> [Block] {
        var start = Int(cmark_node_get_start_line(node))
        if start == 0, let next = cmark_node_next(node) { start = Int(cmark_node_get_start_line(next)) }
        let line = start > 0 ? start + lineOffset : lastLine
        lastLine = line
        let flatten = depth >= MarkdownParser.maxNesting
        if flatten, [CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM].contains(cmark_node_get_type(node)) {
            return flattenedLeaves(node)
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return [Block(.paragraph(inlines(under: node, depth: 0)), line: line)]
        case CMARK_NODE_HEADING:
            let content = inlines(under: node, depth: 0)
            let anchor = slugs.allocate(for: content.plainText)
            return [Block(.heading(level: Int(cmark_node_get_heading_level(node)), content: content, anchor: anchor), line: line)]
        case CMARK_NODE_CODE_BLOCK:
            let info = string(cmark_node_get_fence_info(node)).trimmingSpaces
            let text = string(cmark_node_get_literal(node))
            let lang = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            switch lang {
            case "quiz": return [Block(.quiz(source: text), line: line)]
            case "demo":
                let name = text.split(whereSeparator: \.isNewline).first.map { String($0).trimmingSpaces } ?? ""
                return [Block(.demo(name: name), line: line)]
            default: return [Block(.codeBlock(info: info, text: text), line: line)]
            }
        case CMARK_NODE_BLOCK_QUOTE:
            let children = blocks(under: node, depth: depth + 1)
            return flatten ? children : [Block(.blockQuote(children), line: line)]
        case CMARK_NODE_LIST:
            var items: [ListItem] = []
            var child = cmark_node_first_child(node)
            while let item = child {
                var task: Bool? = nil
                if typeString(item) == "tasklist" {
                    task = cmark_gfm_extensions_get_tasklist_item_checked(item)
                }
                items.append(ListItem(task: task, blocks: blocks(under: item, depth: depth + 1)))
                child = cmark_node_next(item)
            }
            if flatten { return items.flatMap(\.blocks) }
            let list = List(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0,
                items: items)
            return [Block(.list(list), line: line)]
        case CMARK_NODE_THEMATIC_BREAK:
            return [Block(.thematicBreak, line: line)]
        case CMARK_NODE_HTML_BLOCK:
            return [Block(.html(string(cmark_node_get_literal(node))), line: line)]
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            return blocks(under: node, depth: depth + 1)
        default:
            if typeString(node) == "table" {
                return [Block(.table(table(node)), line: line)]
            }
            return blocks(under: node, depth: depth + 1)
        }
    }

    mutating func table(_ node: OpaquePointer) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch UInt8(raw[i]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        var rowNode = cmark_node_first_child(node)
        while let row = rowNode {
            var cells: [[Inline]] = []
            var cellNode = cmark_node_first_child(row)
            while let cell = cellNode {
                cells.append(inlines(under: cell, depth: 0))
                cellNode = cmark_node_next(cell)
            }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
            rowNode = cmark_node_next(row)
        }
        return Table(alignments: alignments, header: header, rows: rows)
    }

    func inlines(under parent: OpaquePointer, depth: Int) -> [Inline] {
        var out: [Inline] = []
        // Sized before it grows: a paragraph of a million lines has two million inlines, and
        // growing the array by doubling copied it again and again (most of opening such a lesson).
        var count = 0
        var child = cmark_node_first_child(parent)
        while let node = child {
            count += 1
            child = cmark_node_next(node)
        }
        out.reserveCapacity(count)
        inlines(under: parent, depth: depth, into: &out)
        return out
    }

    /// Appends the children's inlines to `out` (an array per node was most of converting a
    /// paragraph of a million lines).
    func inlines(under parent: OpaquePointer, depth: Int, into out: inout [Inline]) {
        var child = cmark_node_first_child(parent)
        while let node = child {
            inline(node, depth: depth, into: &out)
            child = cmark_node_next(node)
        }
    }

    /// The text of an inline subtree, gathered without recursion.
    func flattenedText(_ root: OpaquePointer) -> [Inline] {
        var text = ""
        guard let iter = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iter) }
        while cmark_iter_next(iter) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iter), cmark_iter_get_event_type(iter) == CMARK_EVENT_ENTER else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: text += string(cmark_node_get_literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return [.text(text)]
    }

    func inline(_ node: OpaquePointer, depth: Int, into out: inout [Inline]) {
        if depth >= MarkdownParser.maxNesting {
            out += flattenedText(node)
            return
        }
        let nested: ([Inline]) -> Inline
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: out.append(.text(string(cmark_node_get_literal(node)))); return
        case CMARK_NODE_CODE: out.append(.code(string(cmark_node_get_literal(node)))); return
        case CMARK_NODE_SOFTBREAK: out.append(.softBreak); return
        case CMARK_NODE_LINEBREAK: out.append(.lineBreak); return
        case CMARK_NODE_HTML_INLINE: out.append(.html(string(cmark_node_get_literal(node)))); return
        case CMARK_NODE_EMPH: nested = Inline.emphasis
        case CMARK_NODE_STRONG: nested = Inline.strong
        case CMARK_NODE_LINK:
            let url = string(cmark_node_get_url(node))
            nested = { Inline.link(destination: url, content: $0) }
        case CMARK_NODE_IMAGE:
            let url = string(cmark_node_get_url(node))
            nested = { Inline.image(source: url, alt: $0) }
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            out.append(.text("[^" + string(cmark_node_get_literal(node)) + "]"))
            return
        default:
            if typeString(node) == "strikethrough" {
                nested = Inline.strikethrough
            } else {
                inlines(under: node, depth: depth + 1, into: &out)
                return
            }
        }
        out.append(nested(inlines(under: node, depth: depth + 1)))
    }

    func typeString(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    func string(_ ptr: UnsafePointer<CChar>?) -> String {
        guard let ptr else { return "" }
        return String(cString: ptr)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
