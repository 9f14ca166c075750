import LessonKit

/// Where the layout of a big top-level block stopped. The reader lays out code blocks,
/// diagrams, raw HTML, lists and block quotes a part at a time (some source lines, items or
/// quoted blocks), so a 20 MB code block or a list of a million items costs one part before
/// the first frame. The parts put together are exactly the block laid out whole.
public struct BlockProgress: Sendable {
    enum Step: Sendable {
        case code(CodeText)
        case listItems(next: Int)
        case quoted(next: Int)
        case paragraph(InlineWrapper, next: Int)
    }

    var step: Step

    static let codeLinesPerPart = 400
    static let itemsPerPart = 100
    static let quotedBlocksPerPart = 50
    /// A paragraph comes in parts of at least this many lines, fed a batch of inlines at a time.
    static let paragraphLinesPerPart = 400
    static let inlinesPerBatch = 256
}

extension Layout {
    /// The first part of a top-level block (`progress` nil) or the next one; the progress
    /// returned is nil once the block is finished.
    mutating func blockPart(_ block: Block, width: Int, from progress: BlockProgress?) -> (lines: [Line], next: BlockProgress?) {
        switch (block.kind, progress?.step) {
        case (.codeBlock(let info, let text), nil):
            return codePart(CodeText(info: info, text: text), width: width)
        case (.html(let html), nil):
            return codePart(CodeText(html: html), width: width)
        case (_, .code(let code)?):
            return codePart(code, width: width)
        case (.paragraph(let content), nil) where content.count > BlockProgress.inlinesPerBatch && !content.containsLink:
            // Links get focus ids per part, so a paragraph with one is laid out whole.
            return paragraphPart(content, InlineWrapper(width: width), from: 0)
        case (.paragraph(let content), .paragraph(let wrapper, let next)?):
            return paragraphPart(content, wrapper, from: next)
        case (.list(let list), let step):
            guard case .listItems(let start)? = step ?? .listItems(next: 0) else { break }
            let end = min(list.items.count, start + BlockProgress.itemsPerPart)
            let lines = listItems(list, start..<end, width: width, depth: 0)
            return (lines, end < list.items.count ? BlockProgress(step: .listItems(next: end)) : nil)
        case (.blockQuote(let children), let step):
            guard case .quoted(let start)? = step ?? .quoted(next: 0) else { break }
            let end = min(children.count, start + BlockProgress.quotedBlocksPerPart)
            let lines = quoted(children, start..<end, width: width)
            return (lines, end < children.count ? BlockProgress(step: .quoted(next: end)) : nil)
        default:
            break
        }
        return (self.block(block, width: width), nil)
    }

    /// A top-level paragraph's inlines from `start` on, fed to the wrapper until it has
    /// finished enough lines; the line it is filling stays in it for the next part.
    mutating func paragraphPart(_ content: [Inline], _ wrapper: InlineWrapper, from start: Int) -> (lines: [Line], next: BlockProgress?) {
        var wrapper = wrapper
        var i = start
        while i < content.count && wrapper.lines.count < BlockProgress.paragraphLinesPerPart {
            let end = min(content.count, i + BlockProgress.inlinesPerBatch)
            emit(Array(content[i..<end]), style: .plain, focus: nil, into: &wrapper)
            i = end
        }
        if i == content.count { return (wrapper.finish().map { Line($0) }, nil) }
        return (wrapper.takeLines().map { Line($0) }, BlockProgress(step: .paragraph(wrapper, next: i)))
    }

    func codePart(_ code: CodeText, width: Int) -> (lines: [Line], next: BlockProgress?) {
        var code = code
        let lines = code.lines(upTo: BlockProgress.codeLinesPerPart, width: width, layout: self)
        return (lines, code.isFinished ? nil : BlockProgress(step: .code(code)))
    }
}

/// The text of a code block, diagram or raw HTML block, laid out some source lines at a time.
struct CodeText: Sendable {
    /// The text without its trailing line feeds.
    let source: String
    /// The cleaned first word of the info string: the label on the frame.
    let lang: String
    /// Code gets a frame and highlighting; diagrams and raw HTML are drawn as they are.
    let framed: Bool
    let style: Style
    /// Where the next source line starts; nil once every line is laid out.
    var next: String.Index?
    var highlighter: Highlighter?
    var headerDone = false

    init(info: String, text: String) {
        // Clean the label before measuring it: a control byte would count differently from
        // the stand-in that finally reaches the screen.
        lang = Sanitizer.clean(info.split(separator: " ").first.map(String.init) ?? "")
        source = text.trimmingTrailingNewlines()
        // Diagrams: no frame, so 76-column drawings fit an 80-column terminal.
        framed = !(lang == "text" || lang == "diagram" || lang == "txt")
        style = framed ? Style(.code) : Style(.normal)
        next = source.startIndex
        highlighter = framed ? Highlighter.language(forInfo: lang).map { Highlighter($0) } : nil
    }

    /// Raw HTML is shown as text, never interpreted.
    init(html: String) {
        lang = ""
        source = html.trimmingTrailingNewlines()
        framed = false
        style = Style(.muted)
        next = source.startIndex
    }

    var isFinished: Bool { next == nil }

    /// The frame's top (first time), up to `count` source lines, and the frame's bottom
    /// after the last one.
    mutating func lines(upTo count: Int, width: Int, layout: Layout) -> [Line] {
        var out: [Line] = []
        if framed && !headerDone {
            let label = lang.isEmpty ? "" : " \(lang) "
            out.append(Line([Span("┌─" + label + String.repeated("─", count: max(0, min(width, 24) - 2 - DisplayWidth.of(label))), Style(.border, .dim))]))
            headerDone = true
        }
        var taken = 0
        while taken < count, let start = next {
            let (raw, after) = Layout.line(of: source, from: start)
            next = after
            taken += 1
            out += framed ? layout.codeLine(raw, highlighter: &highlighter, width: width) : layout.literalLine(raw, style: style, width: width)
        }
        if framed && next == nil {
            out.append(Line([Span("└" + String.repeated("─", count: max(0, min(width, 24) - 1)), Style(.border, .dim))]))
        }
        return out
    }
}

extension [Inline] {
    /// A link anywhere inside (links are what get focus ids).
    var containsLink: Bool {
        contains { inline in
            switch inline {
            case .link: return true
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .image(_, let c): return c.containsLink
            default: return false
            }
        }
    }
}
