import LessonKit

/// What a focusable place in a document leads to.
public enum FocusTarget: Equatable, Sendable {
    /// A link: `#anchor`, `lesson.md#anchor`, or an external URL.
    case link(String)
    /// A quiz block: its YAML source and its file line.
    case quiz(source: String, line: Int)
    /// A demo block naming a built-in demo.
    case demo(String)
}

public struct HeadingEntry: Equatable, Sendable {
    public var level: Int
    public var title: String
    public var anchor: String
    public var line: Int
}

public struct FocusEntry: Equatable, Sendable {
    public var target: FocusTarget
    public var firstLine: Int
    public var lastLine: Int
}

/// A document laid out for one width. Views scroll through its lines.
///
/// It can be laid out one top-level block at a time (`append(_:options:)`): the reader lays
/// out what is on screen before the first frame and the rest while it waits for keys.
/// Everything in it describes the blocks laid out so far, in document order.
public struct RenderedDocument: Sendable {
    public var width: Int
    public var lines: [Line]
    public var headings: [HeadingEntry]
    /// Indexed by the `focus` id carried in spans, in document order.
    public var focusables: [FocusEntry]
    public var anchors: [String: Int]
    /// The first line of each laid-out top-level block (the blank line before it, if any).
    var blockStarts: [Int] = []
    /// The last top-level block is laid out only in part: where its next part starts, and
    /// how many parts are laid out.
    var unfinished: (next: BlockProgress, parts: Int)?

    /// Nothing laid out yet.
    public init(width: Int) {
        self.width = width
        lines = []
        headings = []
        focusables = []
        anchors = [:]
    }

    /// How many top-level blocks are laid out, the last one perhaps only in part.
    public var laidOutBlocks: Int { blockStarts.count }

    /// The last block laid out has parts still to come (`appendPart`).
    public var hasUnfinishedBlock: Bool { unfinished != nil }

    /// The first line of a top-level block (for restoring a reading position).
    public func firstLine(ofBlock block: Int) -> Int? {
        var lo = 0, hi = lines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lines[mid].block < block { lo = mid + 1 } else { hi = mid }
        }
        return lo < lines.count ? lo : nil
    }

    /// The heading whose section contains `line`.
    public func section(at line: Int) -> HeadingEntry? {
        var lo = 0, hi = headings.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if headings[mid].line <= line { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? headings[lo - 1] : nil
    }

    /// Lays out the first part of the next top-level block (block `laidOutBlocks` of the
    /// document): all of it, unless it is big enough to come in parts.
    public mutating func append(_ block: Block, options: Layout.Options = Layout.Options()) {
        precondition(unfinished == nil, "the last block is not finished")
        blockStarts.append(lines.count)
        appendPart(block, options: options)
    }

    /// Lays out the next part of the unfinished last block (`block` is that block).
    public mutating func appendPart(_ block: Block, options: Layout.Options = Layout.Options()) {
        let part = Self.layOutPart(block, index: blockStarts.count - 1, width: width, options: options, from: unfinished?.next)
        unfinished = part.next.map { ($0, (unfinished?.parts ?? 0) + 1) }
        append(part.laid)
    }

    /// Lays out a top-level block and all its parts.
    public mutating func appendWhole(_ block: Block, options: Layout.Options = Layout.Options()) {
        append(block, options: options)
        while unfinished != nil { appendPart(block, options: options) }
    }

    /// The lines of one laid-out top-level block: its blank separator, its own lines.
    public func lines(ofBlock index: Int) -> Range<Int> {
        blockStarts[index]..<(index + 1 < blockStarts.count ? blockStarts[index + 1] : lines.count)
    }

    /// Lays out one laid-out top-level block again (a quiz card in it changed), as many parts
    /// of it as were laid out, and moves everything after it by the difference in lines.
    /// Returns that difference.
    @discardableResult
    public mutating func relayOut(_ block: Block, at index: Int, options: Layout.Options = Layout.Options()) -> Int {
        guard index < laidOutBlocks else { return 0 }
        let old = lines(ofBlock: index)
        let focusRange = (focusables.firstIndex { $0.firstLine >= old.lowerBound } ?? focusables.count)
            ..< (focusables.firstIndex { $0.firstLine >= old.upperBound } ?? focusables.count)
        let headingRange = (headings.firstIndex { $0.line >= old.lowerBound } ?? headings.count)
            ..< (headings.firstIndex { $0.line >= old.upperBound } ?? headings.count)
        let partsWanted = index == blockStarts.count - 1 ? unfinished.map { $0.parts } : nil
        var new: (lines: [Line], headings: [HeadingEntry], focusables: [FocusEntry]) = ([], [], [])
        var progress: BlockProgress?
        var parts = 0
        repeat {
            let part = Self.layOutPart(block, index: index, width: width, options: options, from: progress)
            let entries = Self.entries(part.laid, start: old.lowerBound + new.lines.count, focusIndex: focusRange.lowerBound + new.focusables.count)
            new.lines += entries.lines
            new.headings += entries.headings
            new.focusables += entries.focusables
            progress = part.next
            parts += 1
        } while progress != nil && parts < (partsWanted ?? .max)
        if partsWanted != nil { unfinished = progress.map { ($0, parts) } }
        let delta = new.lines.count - old.count
        let focusShift = new.focusables.count - focusRange.count
        for h in headings[headingRange] where anchors[h.anchor] == h.line { anchors[h.anchor] = nil }
        if delta != 0 {
            for i in focusRange.upperBound..<focusables.count {
                focusables[i].firstLine += delta
                focusables[i].lastLine += delta
            }
            for i in headingRange.upperBound..<headings.count { headings[i].line += delta }
            for (key, value) in anchors where value >= old.upperBound { anchors[key] = value + delta }
            for i in (index + 1)..<blockStarts.count { blockStarts[i] += delta }
        }
        if focusShift != 0 {
            for li in old.upperBound..<lines.count {
                for si in lines[li].spans.indices {
                    if let f = lines[li].spans[si].focus { lines[li].spans[si].focus = f + focusShift }
                }
            }
        }
        lines.replaceSubrange(old, with: new.lines)
        headings.replaceSubrange(headingRange, with: new.headings)
        focusables.replaceSubrange(focusRange, with: new.focusables)
        addAnchors(new.headings)
        return delta
    }

    /// A part of a top-level block laid out (the first when `progress` is nil): its lines
    /// (with the blank line before the block, the margin and the block index), the targets of
    /// the focus ids its spans carry, and where the next part starts.
    static func layOutPart(_ block: Block, index: Int, width: Int, options: Layout.Options, from progress: BlockProgress?)
        -> (laid: (lines: [Line], focusTargets: [FocusTarget]), next: BlockProgress?) {
        var layout = Layout(options: options)
        let (margin, textWidth) = Layout.textColumn(width: width, options: options)
        var (blockLines, next) = layout.blockPart(block, width: textWidth, from: progress)
        let marginSpan = Span(String.repeated(" ", count: margin))
        for i in blockLines.indices {
            blockLines[i].block = index
            if margin > 0 { blockLines[i].spans.insert(marginSpan, at: 0) }
        }
        if index > 0 && progress == nil { blockLines.insert(Line([], block: index), at: 0) }
        return ((blockLines, layout.focusTargets), next)
    }

    mutating func append(_ laid: (lines: [Line], focusTargets: [FocusTarget])) {
        let new = Self.entries(laid, start: lines.count, focusIndex: focusables.count)
        lines += new.lines
        headings += new.headings
        focusables += new.focusables
        addAnchors(new.headings)
    }

    /// An anchor leads to the first heading that has it.
    mutating func addAnchors(_ new: [HeadingEntry]) {
        for h in new {
            if let held = anchors[h.anchor], held < h.line { continue }
            anchors[h.anchor] = h.line
        }
    }

    /// Laid-out lines placed at line `start`, with their headings and focusables: the block's
    /// focus ids (0, 1, ... in its own order) become indexes into `focusables` from
    /// `focusIndex` on, dropping targets that drew nothing.
    static func entries(_ laid: (lines: [Line], focusTargets: [FocusTarget]), start: Int, focusIndex: Int)
        -> (lines: [Line], headings: [HeadingEntry], focusables: [FocusEntry]) {
        var lines = laid.lines
        var headings: [HeadingEntry] = []
        var ranges = Array(repeating: (first: Int.max, last: -1), count: laid.focusTargets.count)
        for (i, line) in lines.enumerated() {
            if let anchor = line.anchor {
                let title = line.spans.filter { $0.style.role != .muted }.map(\.text).joined().trimmingCharacters()
                headings.append(HeadingEntry(level: line.headingLevel, title: title, anchor: anchor, line: start + i))
            }
            for span in line.spans {
                if let f = span.focus, f < ranges.count {
                    ranges[f].first = min(ranges[f].first, start + i)
                    ranges[f].last = max(ranges[f].last, start + i)
                }
            }
        }
        var focusables: [FocusEntry] = []
        var remap = Array(repeating: -1, count: laid.focusTargets.count)
        for (i, target) in laid.focusTargets.enumerated() where ranges[i].last >= 0 {
            remap[i] = focusIndex + focusables.count
            focusables.append(FocusEntry(target: target, firstLine: ranges[i].first, lastLine: ranges[i].last))
        }
        if remap.enumerated().contains(where: { $0.element != $0.offset }) {
            for li in lines.indices {
                for si in lines[li].spans.indices {
                    if let f = lines[li].spans[si].focus { lines[li].spans[si].focus = f < remap.count && remap[f] >= 0 ? remap[f] : nil }
                }
            }
        }
        return (lines, headings, focusables)
    }
}

/// Lays out a `Document` at a width. Pure: the same input gives the same lines.
public struct Layout {
    public struct Options: Sendable {
        /// Columns of blank margin on each side (only when the width allows it).
        public var margin: Int
        /// The widest a text column gets, however wide the terminal is.
        public var maxTextWidth: Int
        /// Draws a quiz block (its YAML source, its file line) at a width, with every span
        /// tied to `focus`; nil keeps the placeholder card.
        public var quizCard: (@Sendable (_ source: String, _ line: Int, _ width: Int, _ focus: Int) -> [Line]?)?

        public init(margin: Int = 2, maxTextWidth: Int = 100,
                    quizCard: (@Sendable (_ source: String, _ line: Int, _ width: Int, _ focus: Int) -> [Line]?)? = nil) {
            self.margin = margin
            self.maxTextWidth = maxTextWidth
            self.quizCard = quizCard
        }
    }

    /// The left margin and the text column width used at a page width.
    public static func textColumn(width: Int, options: Options = Options()) -> (margin: Int, width: Int) {
        let margin = width >= 40 ? options.margin : 0
        return (margin, max(1, min(width - 2 * margin, options.maxTextWidth)))
    }

    public static func render(_ document: Document, width: Int, options: Options = Options()) -> RenderedDocument {
        var rendered = RenderedDocument(width: width)
        for block in document.blocks { rendered.appendWhole(block, options: options) }
        return rendered
    }

    let options: Options
    var focusTargets: [FocusTarget] = []

    init(options: Options) {
        self.options = options
    }

    mutating func newFocus(_ target: FocusTarget) -> Int {
        focusTargets.append(target)
        return focusTargets.count - 1
    }

    // MARK: Blocks

    mutating func blocks(_ blocks: [Block], width: Int, tight: Bool = false) -> [Line] {
        var out: [Line] = []
        for (i, b) in blocks.enumerated() {
            if i > 0 && !tight { out.append(.blank) }
            out += block(b, width: width)
        }
        return out
    }

    mutating func block(_ block: Block, width: Int) -> [Line] {
        switch block.kind {
        case .heading(let level, let content, let anchor):
            return heading(level: level, content: content, anchor: anchor, width: width)
        case .paragraph(let content):
            return paragraph(content, base: .plain, width: width)
        case .codeBlock(let info, let text):
            return codeBlock(info: info, text: text, width: width)
        case .blockQuote(let children):
            return quoted(children, children.indices, width: width)
        case .list(let list):
            return self.list(list, width: width, depth: 0)
        case .table(let table):
            return TableLayout.layout(table, width: width, wrap: { content, style, w in self.wrapInline(content, base: style, width: w) })
        case .thematicBreak:
            return [Line([Span(String.repeated("─", count: width), Style(.border, .dim))])]
        case .html(let html):
            var code = CodeText(html: html)
            return code.lines(upTo: .max, width: width, layout: self)
        case .quiz(let source):
            let focus = newFocus(.quiz(source: source, line: block.line))
            if let card = options.quizCard?(source, block.line, width, focus) {
                return card.map { line in
                    var l = line
                    for i in l.spans.indices { l.spans[i].focus = focus }
                    return l
                }
            }
            return Card.placeholder(title: "Quiz", body: Card.quizSummary(source), hint: "Answer it in the reader (Tab, then the keys on the card), or all questions at once with nettutor quiz.", width: width, focus: focus)
        case .demo(let name):
            let focus = newFocus(.demo(name))
            return Card.placeholder(title: "Demo: \(name)", body: Card.demoSummary(name), hint: Card.demoHint(name), width: width, focus: focus)
        }
    }

    mutating func heading(level: Int, content: [Inline], anchor: String, width: Int) -> [Line] {
        let role: ColorRole = level == 1 ? .heading1 : level == 2 ? .heading2 : .heading3
        var base = Style(role, .bold)
        if level == 3 { base = base.with(.underline) }
        var prefix: [Span] = []
        if level >= 4 { prefix = [Span(String.repeated("#", count: level) + " ", Style(.muted))] }
        var lines = prefixed(paragraph(content, base: base, width: width - (prefix.first?.width ?? 0)),
                             first: prefix, rest: prefix.isEmpty ? [] : [Span(String.repeated(" ", count: prefix[0].width))])
        if lines.isEmpty { lines = [Line([])] }
        lines[0].anchor = anchor
        lines[0].headingLevel = level
        if level <= 2 {
            let w = level == 1 ? width : min(width, lines.map(\.width).max() ?? 0)
            lines.append(Line([Span(String.repeated(level == 1 ? "━" : "─", count: w), Style(role))]))
        }
        return lines
    }

    mutating func paragraph(_ content: [Inline], base: Style, width: Int) -> [Line] {
        wrapInline(content, base: base, width: width).map { Line($0) }
    }

    mutating func wrapInline(_ content: [Inline], base: Style, width: Int) -> [[Span]] {
        var wrapper = InlineWrapper(width: width)
        emit(content, style: base, focus: nil, into: &wrapper)
        return wrapper.finish()
    }

    mutating func emit(_ inlines: [Inline], style: Style, focus: Int?, into w: inout InlineWrapper) {
        for inline in inlines {
            switch inline {
            case .text(let s):
                w.add(Run(text: s, style: style, focus: focus))
            case .code(let s):
                w.add(Run(text: s, style: style.role(.code), focus: focus))
            case .html(let s):
                w.add(Run(text: s, style: style.role(.muted), focus: focus))
            case .emphasis(let c):
                emit(c, style: style.with(.italic), focus: focus, into: &w)
            case .strong(let c):
                emit(c, style: style.with(.bold), focus: focus, into: &w)
            case .strikethrough(let c):
                emit(c, style: style.with(.strike), focus: focus, into: &w)
            case .link(let destination, let c):
                let id = focus ?? newFocus(.link(destination))
                emit(c, style: Style(.link, style.attributes.union(.underline)), focus: id, into: &w)
                if Layout.isExternal(destination) && c.plainText != destination
                    && c.plainText != destination.replacingPrefix("mailto:") {
                    w.add(Run(text: " <\(destination)>", style: Style(.muted), focus: nil))
                }
            case .image(let source, let alt):
                let label = alt.plainText.isEmpty ? "image" : "image: \(alt.plainText)"
                w.add(Run(text: "[\(label)]", style: Style(.accent), focus: focus))
                w.add(Run(text: " <\(source)>", style: Style(.muted), focus: focus))
            case .softBreak:
                w.add(Run(text: " ", style: style, focus: focus))
            case .lineBreak:
                w.hardBreak()
            }
        }
    }

    public static func isExternal(_ destination: String) -> Bool {
        LinkTarget.isExternal(destination)
    }

    mutating func list(_ list: List, width: Int, depth: Int) -> [Line] {
        listItems(list, list.items.indices, width: width, depth: depth)
    }

    /// Some items of a list (all of them for `list`); markers are as wide as the list's widest.
    mutating func listItems(_ list: List, _ range: Range<Int>, width: Int, depth: Int) -> [Line] {
        var out: [Line] = []
        let bullets = ["•", "◦", "▪"]
        let lastNumber = list.start + max(0, list.items.count - 1)
        let markerWidth = list.ordered ? "\(lastNumber).".count + 1 : 2
        for i in range {
            let item = list.items[i]
            if i > 0 && !list.tight { out.append(.blank) }
            var marker = list.ordered ? "\(list.start + i)." : bullets[depth % bullets.count]
            marker = String.repeated(" ", count: max(0, markerWidth - 1 - marker.count)) + marker + " "
            var first = [Span(marker, Style(.accent))]
            var inner = width - markerWidth
            if let task = item.task {
                first.append(Span(task ? "[x] " : "[ ] ", Style(.accent, .bold)))
                inner -= 4
            }
            let indent = String.repeated(" ", count: width - inner)
            var body: [Line] = []
            for (j, child) in item.blocks.enumerated() {
                if j > 0 && !list.tight { body.append(.blank) }
                if case .list(let sub) = child.kind {
                    body += self.list(sub, width: max(1, inner), depth: depth + 1)
                } else {
                    body += block(child, width: max(1, inner))
                }
            }
            if body.isEmpty { body = [Line([])] }
            out += prefixed(body, first: first, rest: [Span(indent)])
        }
        return out
    }

    /// Some of a block quote's children (all of them for the quote), behind its bar.
    mutating func quoted(_ children: [Block], _ range: Range<Int>, width: Int) -> [Line] {
        let bar = Span("│ ", Style(.quote))
        var lines = blocks(Array(children[range]), width: max(1, width - 2))
        if range.lowerBound > 0 && !range.isEmpty { lines.insert(.blank, at: 0) }
        return prefixed(lines, first: [bar], rest: [bar])
    }

    mutating func codeBlock(info: String, text: String, width: Int) -> [Line] {
        var code = CodeText(info: info, text: text)
        return code.lines(upTo: .max, width: width, layout: self)
    }

    /// One line of a diagram or raw HTML, cut to the width.
    func literalLine(_ raw: Substring, style: Style, width: Int) -> [Line] {
        chop([Span(Sanitizer.clean(expandTabs(String(raw))), style)], width: width).map { Line($0) }
    }

    /// One source line of a framed code block, highlighted and cut to the width.
    func codeLine(_ raw: Substring, highlighter: inout Highlighter?, width: Int) -> [Line] {
        let bar = Span("│ ", Style(.border, .dim))
        let lineText = Sanitizer.clean(expandTabs(String(raw)))
        let spans = highlighter?.highlight(lineText) ?? [Span(lineText, Style(.code))]
        return prefixed(chop(spans, width: max(1, width - 2)).map { Line($0) }, first: [bar], rest: [bar])
    }

    /// Cuts spans into lines of at most `width` columns without splitting a character;
    /// continuation lines start with `↪` so nothing is silently lost.
    /// `byScalars: false` keeps to the `Character` loop everywhere (tests compare the two).
    func chop(_ spans: [Span], width: Int, byScalars: Bool = true) -> [[Span]] {
        let total = spans.reduce(0) { $0 + $1.width }
        if total <= width { return [spans] }
        var lines: [[Span]] = []
        var current: [Span] = []
        var w = 0
        for span in spans {
            var text = Sanitizer.clean(span.text)
            let done: Void? = text.withUTF8 { bytes in
                // Every scalar a grapheme of its own (ASCII, box drawing, arrows, the
                // control pictures): cut between scalars, found on the bytes, without
                // building a `Character` and appending it to a `String` one at a time.
                guard byScalars, DisplayWidth.scalarsStandAlone(bytes) else { return nil }
                var pieceStart = 0
                var i = 0
                while i < bytes.count {
                    let (scalar, length) = DisplayWidth.scalar(in: bytes, at: i)
                    let cw = scalar < 0x80 ? 1 : DisplayWidth.of(Unicode.Scalar(scalar)!)
                    if w + cw > width && w > 0 {
                        if pieceStart < i { current.append(Span(String(decoding: UnsafeBufferPointer(rebasing: bytes[pieceStart..<i]), as: UTF8.self), span.style, focus: span.focus)) }
                        lines.append(current)
                        current = [Span("↪", Style(.muted))]
                        w = 1
                        pieceStart = i
                    }
                    w += cw
                    i += length
                }
                if pieceStart < i { current.append(Span(String(decoding: UnsafeBufferPointer(rebasing: bytes[pieceStart..<i]), as: UTF8.self), span.style, focus: span.focus)) }
                return ()
            }
            if done != nil { continue }
            var piece = ""
            for ch in text {
                let cw = DisplayWidth.of(ch)
                if w + cw > width && w > 0 {
                    if !piece.isEmpty { current.append(Span(piece, span.style, focus: span.focus)) }
                    lines.append(current)
                    current = [Span("↪", Style(.muted))]
                    w = 1
                    piece = ""
                }
                piece.append(ch)
                w += cw
            }
            if !piece.isEmpty { current.append(Span(piece, span.style, focus: span.focus)) }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    func expandTabs(_ s: String) -> String {
        // A tab is always a `Character` of its own, so looking at bytes finds the same tabs.
        guard s.containsByte(UInt8(ascii: "\t")) else { return s }
        var out = ""
        var col = 0
        for ch in s {
            if ch == "\t" {
                let n = 4 - col % 4
                out += String.repeated(" ", count: n)
                col += n
            } else {
                out.append(ch)
                col += DisplayWidth.of(ch)
            }
        }
        return out
    }

    func prefixed(_ lines: [Line], first: [Span], rest: [Span]) -> [Line] {
        lines.enumerated().map { i, line in
            var l = line
            let p = i == 0 ? first : rest
            if !p.isEmpty { l.spans.insert(contentsOf: p, at: 0) }
            return l
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return String(s)
    }

    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
