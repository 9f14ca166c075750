import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsing one body as two documents, on two threads (`withParts`, for `nettutor show`).
///
/// A body can be cut before a line L when cmark, parsing the body, closes every block before
/// L and starts a new top-level block at L (a heading, a paragraph, a list, a fence ...):
/// - cmark parses blocks a line at a time, looking only at the lines before, so the lines
///   up to and including L give the same blocks in the body and on their own; L starts a
///   top-level block of the whole body exactly when it does so in the text ending with L.
/// - Before L nothing is open but the document, so from L on cmark does what it does at the
///   start of a document (L starts the same block there, from the same line).
/// - Inlines are parsed per block. The only state they share across blocks is the link
///   reference definitions and footnote definitions, which both contain `]:`; a body with
///   `]:` anywhere is not cut (nor one with a carriage return not followed by a line feed,
///   which cmark counts as a line end and this file does not).
///
/// So the text up to L's end is parsed, and the cut is taken only if the last top-level
/// node of that tree starts on L (that node is then dropped: the second piece starts with
/// it). A candidate that fails the check costs a wasted parse of the first piece;
/// candidates are chosen to make that rare: column 0 after a blank line, outside anything
/// that looks like a fenced code block, headings first, no list or quote markers.
extension MarkdownParser {
    /// A line before which a body may be cut.
    public struct Cut: Equatable, Sendable {
        /// Offset of the line's first byte in the body.
        public var lineStart: Int
        /// Offset just past the line's newline.
        public var lineEnd: Int
        /// The line's number in the body, from 1.
        public var line: Int
        /// The line is an ATX heading (`#` to `######`): a sure top-level block unless the
        /// line is inside a fence or an HTML block.
        public var isHeading: Bool
    }

    /// The candidate nearest to byte `target` whose start is in `window`, a heading if the
    /// window has one. Nil when the body cannot be cut (`canCut`) or has no candidate there.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, near target: Int, within window: ClosedRange<Int>) -> Cut? {
        var heading: Cut?, other: Cut?
        func closer(_ cut: Cut, than best: Cut?) -> Bool {
            best.map { abs(cut.lineStart - target) < abs($0.lineStart - target) } ?? true
        }
        scanCandidates(bytes) { cut in
            if window.contains(cut.lineStart) {
                if cut.isHeading {
                    if closer(cut, than: heading) { heading = cut }
                } else if closer(cut, than: other) {
                    other = cut
                }
            }
            // Past the target a later candidate is only farther, but a heading is still
            // worth looking for until the window ends.
            return cut.lineStart < target || (heading == nil && cut.lineStart < window.upperBound)
        }
        return heading ?? other
    }

    /// False when the body holds `]:` (definitions are global) or a carriage return not
    /// followed by a line feed (lines are counted here by `\n`).
    static func canCut(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        var after = 0
        while after < n, let hit = memchr(base + after, 13, n - after) {
            after = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
            if after == n || base[after] != 10 { return false }
        }
        var bracket = 0
        while bracket < n, let hit = memchr(base + bracket, 93, n - bracket) {  // "]:"
            bracket = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
            if bracket < n && base[bracket] == 58 { return false }
        }
        return true
    }

    /// Calls `found` with each candidate in order, while it returns true: a line at column 0
    /// after a blank line, outside fenced code (fences tracked the simple way; the parse
    /// decides), not the last line, and not starting like a list item or a quote (those
    /// usually go on an open list or quote).
    static func scanCandidates(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Cut) -> Bool) {
        guard let base = bytes.baseAddress, bytes.count > 0, canCut(bytes) else { return }
        let n = bytes.count
        let space: UInt8 = 32, tab: UInt8 = 9, cr: UInt8 = 13, hash: UInt8 = 35, backtick: UInt8 = 96, tilde: UInt8 = 126
        func onlySpace(_ from: Int, _ to: Int) -> Bool {
            var i = from
            while i < to, base[i] == space || base[i] == tab || base[i] == cr { i += 1 }
            return i == to
        }
        var fence: (mark: UInt8, length: Int)?
        var previousBlank = false
        var line = 1
        var start = 0
        while start < n {
            let end = memchr(base + start, 10, n - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? n
            defer {
                start = end + 1
                line += 1
            }
            var i = start
            while i < end, i - start < 4, base[i] == space { i += 1 }
            let indent = i - start
            let first = i < end ? base[i] : 0
            if indent < 4 && (first == backtick || first == tilde) {
                var k = i
                while k < end, base[k] == first { k += 1 }
                if k - i >= 3 {
                    if let open = fence {
                        if first == open.mark && k - i >= open.length && onlySpace(k, end) { fence = nil }
                    } else if first == tilde || memchr(base + k, Int32(backtick), end - k) == nil {
                        fence = (first, k - i)
                    }
                    previousBlank = false
                    continue
                }
            }
            if fence != nil { continue }
            if onlySpace(start, end) {
                previousBlank = true
                continue
            }
            defer { previousBlank = false }
            guard previousBlank && indent == 0 && end < n else { continue }
            switch first {
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: ">"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                continue
            default:
                break
            }
            var k = i
            while k < end, base[k] == hash { k += 1 }
            let heading = k > i && k - i <= 6 && (k == end || base[k] == space || base[k] == tab || base[k] == cr)
            if !found(Cut(lineStart: start, lineEnd: end + 1, line: line, isHeading: heading)) { return }
        }
    }

    /// The tree of the text up to the end of `cut`'s line without the block that line starts,
    /// or nil when the line does not start a top-level block of that text (the body cannot be
    /// cut there).
    static func firstPieceTree(_ bytes: UnsafeBufferPointer<UInt8>, cut: Cut, autolink: Bool?) -> OpaquePointer? {
        guard let root = tree(UnsafeBufferPointer(rebasing: bytes[..<cut.lineEnd]), autolink: autolink) else { return nil }
        guard let last = cmark_node_last_child(root), Int(cmark_node_get_start_line(last)) == cut.line else {
            cmark_node_free(root)
            return nil
        }
        cmark_node_unlink(last)
        cmark_node_free(last)
        return root
    }

    /// The tree of the text from `cut`'s line on (its lines numbered from 1).
    static func restTree(_ bytes: UnsafeBufferPointer<UInt8>, cut: Cut, autolink: Bool?) -> OpaquePointer? {
        tree(UnsafeBufferPointer(rebasing: bytes[cut.lineStart...]), autolink: autolink)
    }

    /// The body cut before line `line` (from 1), converted as two documents the way
    /// `withParts` does it, one after the other; nil when it cannot be cut there. For
    /// checking that the pieces put together are the whole (tests and the fuzz check): any
    /// line may be asked for, not only the ones `withParts` would choose.
    public static func splitDocuments(_ markdown: String, lineOffset: Int = 0, atLine line: Int, autolink: Bool? = nil) -> (Document, Document)? {
        var text = markdown
        return text.withUTF8 { bytes -> (Document, Document)? in
            guard let cut = Self.cut(bytes, atLine: line) else { return nil }
            guard let first = firstPieceTree(bytes, cut: cut, autolink: autolink) else { return nil }
            defer { cmark_node_free(first) }
            guard let rest = restTree(bytes, cut: cut, autolink: autolink) else { return nil }
            defer { cmark_node_free(rest) }
            var a = Converter(lineOffset: lineOffset)
            var b = Converter(lineOffset: lineOffset + cut.line - 1)
            return (Document(blocks: a.blocks(under: first, depth: 0)), Document(blocks: b.blocks(under: rest, depth: 0)))
        }
    }

    /// The cut before line `line`, any line but the first, if the body can be cut at all.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, atLine line: Int) -> Cut? {
        guard line > 1, let base = bytes.baseAddress, canCut(bytes) else { return nil }
        var start = 0
        for _ in 1..<line {
            guard start < bytes.count, let nl = memchr(base + start, 10, bytes.count - start) else { return nil }
            start = UnsafeRawPointer(nl) - UnsafeRawPointer(base) + 1
        }
        guard start < bytes.count else { return nil }
        let end = memchr(base + start, 10, bytes.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) + 1 } ?? bytes.count
        return Cut(lineStart: start, lineEnd: end, line: line, isHeading: base[start] == UInt8(ascii: "#"))
    }
}
