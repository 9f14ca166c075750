import CCmarkGFM
import Dispatch

extension MarkdownParser {
    /// Parses `markdown` once, cuts its top-level blocks into `parts` runs of about the same
    /// length (by source line), and converts each run on a thread of its own, calling `body`
    /// with the run's index and its blocks on that thread as soon as they are converted.
    /// Returns when every `body` has returned; the C tree is freed after that, unless
    /// `freeingTree` is false: a command that exits next (`nettutor show`) can leave it to
    /// the exit instead of freeing 60,000 nodes one by one (2 ms for the 2 MB benchmark
    /// file, after all the output).
    ///
    /// For output that shows no heading anchors (`nettutor show`): anchors are made unique
    /// within each run only. Every block is otherwise the one `parse` gives, in the same
    /// order when the runs are taken in index order.
    public static func withParts(_ markdown: String, lineOffset: Int = 0, parts: Int, freeingTree: Bool = true,
                                 _ body: @Sendable (_ part: Int, _ document: Document) -> Void) {
        let done: Void? = withTree(markdown, freeingTree: freeingTree) { root in
            var children: [OpaquePointer] = []
            var child = cmark_node_first_child(root)
            while let node = child {
                children.append(node)
                child = cmark_node_next(node)
            }
            let ranges = balancedRanges(lines: children.map { Int(cmark_node_get_start_line($0)) }, parts: max(1, parts))
            // Each run's nodes are read by one thread only; cmark allocates with malloc.
            let nodes = UncheckedNodes(children)
            DispatchQueue.concurrentPerform(iterations: ranges.count) { part in
                var converter = Converter(lineOffset: lineOffset)
                var blocks: [Block] = []
                for node in nodes.nodes[ranges[part]] { blocks += converter.block(node, depth: 0) }
                body(part, Document(blocks: blocks))
            }
        }
        if done == nil {
            for part in 0..<max(1, parts) { body(part, Document(blocks: [])) }
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

    private struct UncheckedNodes: @unchecked Sendable {
        let nodes: [OpaquePointer]
        init(_ nodes: [OpaquePointer]) { self.nodes = nodes }
    }
}
