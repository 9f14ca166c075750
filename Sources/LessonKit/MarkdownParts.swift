import CCmarkGFM
import Dispatch

extension MarkdownParser {
    /// Parses `markdown` and converts its top-level blocks as `parts` runs, each on a thread of
    /// its own, calling `body` with the run's index and its blocks on that thread as soon as
    /// they are converted. Returns when every `body` has returned; the C trees are freed
    /// after that, unless `freeingTree` is false: a command that exits next (`nettutor show`)
    /// can leave them to the exit instead of freeing 60,000 nodes one by one (2 ms for the
    /// 2 MB benchmark file, after all the output).
    ///
    /// A body of `cutBytes` or more is cut in two before a top-level block (a heading if one
    /// is near) a little past its middle (`SplitParse.swift`) and the pieces are parsed at
    /// the same time, the first going on to conversion while the second is parsed; the
    /// second gets a little less because its inline pass waits for the first one's
    /// (cmark's inline tables are global). Otherwise (smaller, or no safe cut between 35%
    /// and 65% of the bytes) the body is parsed once and its top-level blocks are cut into
    /// runs of about the same length.
    ///
    /// For output that shows no heading anchors (`nettutor show`): anchors are made unique
    /// within each run only. Every block is otherwise the one `parse` gives, in the same
    /// order when the runs are taken in index order.
    public static func withParts(_ markdown: String, lineOffset: Int = 0, parts: Int, freeingTree: Bool = true,
                                 cutBytes: Int = 128 * 1024,
                                 _ body: @Sendable (_ part: Int, _ document: Document) -> Void) {
        var text = markdown
        text.withUTF8 { withParts(utf8: $0, lineOffset: lineOffset, parts: parts, freeingTree: freeingTree, cutBytes: cutBytes, body) }
    }

    /// `withParts` of valid UTF-8 (a lesson file's bytes: `Lesson.withBodyUTF8`).
    public static func withParts(utf8 bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int = 0, parts: Int, freeingTree: Bool = true,
                                 cutBytes: Int = 128 * 1024,
                                 _ body: @Sendable (_ part: Int, _ document: Document) -> Void) {
        if parts > 1, bytes.count >= cutBytes,
           withCutParts(bytes, lineOffset: lineOffset, parts: parts, freeingTree: freeingTree, body) {
            return
        }
        let done: Void? = withTree(utf8: bytes, freeingTree: freeingTree) { root in
            var children: [OpaquePointer] = []
            var child = cmark_node_first_child(root)
            while let node = child {
                children.append(node)
                child = cmark_node_next(node)
            }
            let ranges = balancedRanges(lines: children.map { Int(cmark_node_get_start_line($0)) }, parts: max(1, parts))
            // Each run's nodes are read by one thread only; cmark allocates with malloc.
            let nodes = Unchecked(children)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { part in
                var converter = Converter(lineOffset: lineOffset)
                var blocks: [Block] = []
                for node in nodes.value[ranges[part]] { blocks += converter.block(node, depth: 0) }
                body(part, Document(blocks: blocks))
            }
        }
        if done == nil {
            for part in 0..<max(1, parts) { body(part, Document(blocks: [])) }
        }
    }

    /// Where the first piece ends, as a share of the body: the first piece's inline pass
    /// goes first, so the second piece waits for it (measured on the 2 MB benchmark file:
    /// 55% balances the two threads).
    static let firstPieceShare = (numerator: 11, denominator: 20)

    /// `withParts` on a body cut in two; false (and `body` not called) when no cut near the
    /// middle is possible. Past the checked cut nothing can fail, so the first run's output
    /// may be written while the second is still being parsed.
    private static func withCutParts(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int, parts: Int, freeingTree: Bool,
                                     _ body: @Sendable (_ part: Int, _ document: Document) -> Void) -> Bool {
        let n = bytes.count
        // Too far from the target and one thread does most of the work: no better than
        // one parse with the conversion shared.
        guard let cut = cut(bytes, near: n * firstPieceShare.numerator / firstPieceShare.denominator,
                            within: n * 35 / 100...n * 65 / 100) else { return false }
        let shared = CutRun(bytes)
        DispatchQueue.concurrentPerform(iterations: 2) { piece in
            let bytes = shared.bytes.value
            if piece == 0 {
                let root = firstPieceTree(bytes, cut: cut, autolink: nil)
                shared.decide(first: root)
                guard let root else { return }
                var converter = Converter(lineOffset: lineOffset)
                body(0, Document(blocks: converter.blocks(under: root, depth: 0)))
            } else {
                let root = restTree(bytes, cut: cut, autolink: nil)
                shared.second = root
                var converter = Converter(lineOffset: lineOffset + cut.line - 1)
                let document = Document(blocks: root.map { converter.blocks(under: $0, depth: 0) } ?? [])
                guard shared.waitForDecision() else { return }
                body(1, document)
            }
        }
        let cutTaken = shared.first != nil
        if cutTaken {
            for part in 2..<max(2, parts) { body(part, Document(blocks: [])) }
        }
        if freeingTree || !cutTaken {
            for root in [shared.first, shared.second].compactMap({ $0 }) { cmark_node_free(root) }
        }
        return cutTaken
    }

    /// What the two threads of `withCutParts` share: the bytes, the trees, and whether the
    /// cut held (the first thread decides; the second waits for it before calling `body`).
    private final class CutRun: @unchecked Sendable {
        let bytes: Unchecked<UnsafeBufferPointer<UInt8>>
        private(set) var first: OpaquePointer?
        var second: OpaquePointer?
        private let decided = DispatchSemaphore(value: 0)

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = Unchecked(bytes)
        }

        func decide(first root: OpaquePointer?) {
            first = root
            decided.signal()
        }

        func waitForDecision() -> Bool {
            decided.wait()
            return first != nil
        }
    }

    /// Cuts `lines.count` items (with non-decreasing first lines) into `parts` contiguous
    /// ranges covering about the same number of lines each.
    public static func balancedRanges(lines: [Int], parts: Int) -> [Range<Int>] {
        guard parts > 1, lines.count > 1 else { return [0..<lines.count] + Array(repeating: lines.count..<lines.count, count: max(0, parts - 1)) }
        let first = lines[0]
        let span = max(1, lines[lines.count - 1] - first)
        var ranges: [Range<Int>] = []
        var start = 0
        for part in 1..<parts {
            let target = first + span * part / parts
            var end = start
            while end < lines.count && lines[end] < target { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        ranges.append(start..<lines.count)
        return ranges
    }

    /// A value handed to other threads that this file makes sure only one uses at a time
    /// (C tree nodes, the body's bytes while `withUTF8` holds them).
    private struct Unchecked<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
