import LessonKit
import Render

/// Markdown inline text (prompts, options, explanations) as styled spans, wrapped to a width.
enum SpanText {
    /// Parses inline Markdown; block syntax (a leading `1.` or `#`) is kept as plain text.
    static func spans(_ markdown: String, base: Style = .plain) -> [Span] {
        let document = MarkdownParser.parse(markdown)
        var out: [Span] = []
        var first = true
        for block in document.blocks {
            guard case .paragraph(let inlines) = block.kind else { return [Span(markdown, base)] }
            if !first { out.append(Span(" ", base)) }
            first = false
            emit(inlines, base, into: &out)
        }
        return out.isEmpty ? [Span(markdown, base)] : out
    }

    static func emit(_ inlines: [Inline], _ style: Style, into out: inout [Span]) {
        for inline in inlines {
            switch inline {
            case .text(let s), .html(let s): out.append(Span(s, style))
            case .code(let s): out.append(Span(s, style.role(.code)))
            case .emphasis(let c): emit(c, style.with(.italic), into: &out)
            case .strong(let c): emit(c, style.with(.bold), into: &out)
            case .strikethrough(let c): emit(c, style.with(.strike), into: &out)
            case .link(_, let c), .image(_, let c): emit(c, Style(.link, style.attributes.union(.underline)), into: &out)
            case .softBreak, .lineBreak: out.append(Span(" ", style))
            }
        }
    }

    /// Greedy wrapping by display width: breaks at spaces, or between characters when a
    /// word (or a run of CJK text) is longer than the line.
    static func wrap(_ spans: [Span], width: Int) -> [[Span]] {
        let width = max(1, width)
        // Split into words that keep their styles; a space ends a word.
        // Text between spaces goes into the word as one piece. An ASCII scalar followed by
        // another (or the end) is a `Character` of its own, so only the rest needs grapheme
        // breaking (this loop was most of laying out a lesson's quiz cards).
        var words: [[Span]] = [[]]
        for span in spans {
            let text = span.text
            let bytes = text.utf8
            var pieceStart = text.startIndex
            var i = text.startIndex
            while i < text.endIndex {
                let b = bytes[i]
                let fast = bytes.index(after: i)
                let next: String.Index
                let isSpace: Bool
                if b < 0x80, fast == bytes.endIndex || bytes[fast] < 0x80 {
                    next = fast
                    isSpace = b == 0x20
                } else {
                    next = text.index(after: i)
                    isSpace = text[i] == " "
                }
                if isSpace {
                    if pieceStart < i { append(text[pieceStart..<i], span.style, to: &words[words.count - 1]) }
                    if !(words.last?.isEmpty ?? true) { words.append([]) }
                    pieceStart = next
                }
                i = next
            }
            if pieceStart < text.endIndex { append(text[pieceStart...], span.style, to: &words[words.count - 1]) }
        }
        var lines: [[Span]] = []
        var current: [Span] = []
        var used = 0
        func flush() {
            lines.append(current)
            current = []
            used = 0
        }
        for word in words where !word.isEmpty {
            let w = word.reduce(0) { $0 + $1.width }
            let gap = used > 0 ? 1 : 0
            if used + gap + w <= width {
                if gap == 1 { current.append(Span(" ", word[0].style)) }
                current += word
                used += gap + w
                continue
            }
            if used > 0 { flush() }
            if w <= width {
                current = word
                used = w
                continue
            }
            for span in word {
                for ch in span.text {
                    let cw = DisplayWidth.of(ch)
                    if used + cw > width, used > 0 { flush() }
                    append(ch, span.style, to: &current)
                    used += cw
                }
            }
        }
        if !current.isEmpty || lines.isEmpty { flush() }
        return lines.map(merge)
    }

    static func append(_ ch: Character, _ style: Style, to spans: inout [Span]) {
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text.append(ch)
        } else {
            spans.append(Span(String(ch), style))
        }
    }

    static func append(_ text: Substring, _ style: Style, to spans: inout [Span]) {
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text.append(contentsOf: text)
        } else {
            spans.append(Span(String(text), style))
        }
    }

    static func merge(_ spans: [Span]) -> [Span] {
        var out: [Span] = []
        for s in spans {
            if let last = out.last, last.style == s.style { out[out.count - 1].text += s.text } else { out.append(s) }
        }
        return out
    }

    /// Wraps with a first-line prefix and an indent for the following lines.
    static func wrap(_ spans: [Span], width: Int, prefix: [Span], indent: Int) -> [[Span]] {
        let prefixWidth = prefix.reduce(0) { $0 + $1.width }
        let lines = wrap(spans, width: max(1, width - max(prefixWidth, indent)))
        return lines.enumerated().map { i, line in
            (i == 0 ? prefix + (prefixWidth < indent ? [Span(String(repeating: " ", count: indent - prefixWidth))] : [])
                : [Span(String(repeating: " ", count: max(prefixWidth, indent)))]) + line
        }
    }
}
