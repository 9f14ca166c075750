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
public struct RenderedDocument: Sendable {
    public var width: Int
    public var lines: [Line]
    public var headings: [HeadingEntry]
    /// Indexed by the `focus` id carried in spans, in document order.
    public var focusables: [FocusEntry]
    public var anchors: [String: Int]

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
        headings.last { $0.line <= line }
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
        var layout = Layout(options: options)
        let (margin, textWidth) = textColumn(width: width, options: options)
        var lines: [Line] = []
        let marginSpan = Span(String.repeated(" ", count: margin))
        for (index, block) in document.blocks.enumerated() {
            var blockLines = layout.block(block, width: textWidth)
            if index > 0 { lines.append(Line([], block: index)) }
            for i in blockLines.indices {
                blockLines[i].block = index
                if margin > 0 { blockLines[i].spans.insert(marginSpan, at: 0) }
            }
            lines += blockLines
        }
        return finish(lines: lines, width: width, focusTargets: layout.focusTargets)
    }

    static func finish(lines: [Line], width: Int, focusTargets: [FocusTarget]) -> RenderedDocument {
        var headings: [HeadingEntry] = []
        var anchors: [String: Int] = [:]
        var ranges = Array(repeating: (first: Int.max, last: -1), count: focusTargets.count)
        for (i, line) in lines.enumerated() {
            if let anchor = line.anchor {
                let title = line.spans.filter { $0.style.role != .muted }.map(\.text).joined().trimmingCharacters()
                headings.append(HeadingEntry(level: line.headingLevel, title: title, anchor: anchor, line: i))
                if anchors[anchor] == nil { anchors[anchor] = i }
            }
            for span in line.spans {
                if let f = span.focus, f < ranges.count {
                    ranges[f].first = min(ranges[f].first, i)
                    ranges[f].last = max(ranges[f].last, i)
                }
            }
        }
        var focusables: [FocusEntry] = []
        for (i, target) in focusTargets.enumerated() where ranges[i].last >= 0 {
            focusables.append(FocusEntry(target: target, firstLine: ranges[i].first, lastLine: ranges[i].last))
        }
        // Re-number span focus ids to the compacted table.
        var remap: [Int: Int] = [:]
        var next = 0
        for (i, r) in ranges.enumerated() where r.last >= 0 { remap[i] = next; next += 1 }
        var out = lines
        if remap.count != focusTargets.count {
            for li in out.indices {
                for si in out[li].spans.indices { if let f = out[li].spans[si].focus { out[li].spans[si].focus = remap[f] } }
            }
        }
        return RenderedDocument(width: width, lines: out, headings: headings, focusables: focusables, anchors: anchors)
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
            let bar = Span("│ ", Style(.quote))
            return prefixed(blocks(children, width: max(1, width - 2)), first: [bar], rest: [bar])
        case .list(let list):
            return self.list(list, width: width, depth: 0)
        case .table(let table):
            return TableLayout.layout(table, width: width, wrap: { content, style, w in self.wrapInline(content, base: style, width: w) })
        case .thematicBreak:
            return [Line([Span(String.repeated("─", count: width), Style(.border, .dim))])]
        case .html(let html):
            return literalLines(html.trimmingTrailingNewlines(), style: Style(.muted), width: width)
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
        var out: [Line] = []
        let bullets = ["•", "◦", "▪"]
        let lastNumber = list.start + max(0, list.items.count - 1)
        let markerWidth = list.ordered ? "\(lastNumber).".count + 1 : 2
        for (i, item) in list.items.enumerated() {
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

    mutating func codeBlock(info: String, text: String, width: Int) -> [Line] {
        // Clean first: the label's width is counted below, and a control byte would count
        // differently from the stand-in that finally reaches the screen.
        let lang = Sanitizer.clean(info.split(separator: " ").first.map(String.init) ?? "")
        let source = Sanitizer.clean(text.trimmingTrailingNewlines())
        if lang == "text" || lang == "diagram" || lang == "txt" {
            // Diagrams: no frame, so 76-column drawings fit an 80-column terminal.
            return literalLines(source, style: Style(.normal), width: width)
        }
        var out: [Line] = []
        let label = lang.isEmpty ? "" : " \(lang) "
        out.append(Line([Span("┌─" + label + String.repeated("─", count: max(0, min(width, 24) - 2 - DisplayWidth.of(label))), Style(.border, .dim))]))
        let bar = Span("│ ", Style(.border, .dim))
        var highlighter = Highlighter.language(forInfo: lang).map { Highlighter($0) }
        for raw in Layout.lines(of: source) {
            let lineText = expandTabs(String(raw))
            let spans = highlighter?.highlight(lineText) ?? [Span(lineText, Style(.code))]
            out += prefixed(chop(spans, width: max(1, width - 2)).map { Line($0) }, first: [bar], rest: [bar])
        }
        out.append(Line([Span("└" + String.repeated("─", count: max(0, min(width, 24) - 1)), Style(.border, .dim))]))
        return out
    }

    func literalLines(_ text: String, style: Style, width: Int) -> [Line] {
        Layout.lines(of: text).flatMap { raw in
            chop([Span(expandTabs(String(raw)), style)], width: width).map { Line($0) }
        }
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
