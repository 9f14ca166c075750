import LessonKit
import QuizKit
import QuizUI
import Render

/// One open lesson: its layout for the current width and where the reader is in it.
public struct Reader: Sendable {
    public var lessonID: String
    public var title: String
    public let document: Document
    public private(set) var rendered: RenderedDocument
    /// The first document line on screen.
    public var top = 0
    /// Index into `rendered.focusables`, or nil.
    public var focus: Int?
    public var search: Search?
    /// The lesson's quiz blocks as interactive cards, by the file line of their fence.
    public private(set) var quizCards: [Int: QuizCard] = [:]

    public init(lessonID: String, title: String, document: Document, width: Int, progress: LearnerProgress? = nil, seed: UInt64 = 1) {
        self.lessonID = lessonID
        self.title = title
        self.document = document
        var blocks: [(source: String, line: Int)] = []
        Linter.walk(document.blocks) { block in
            if case .quiz(let source) = block.kind { blocks.append((source, block.line)) }
        }
        let parsed = blocks.map { (line: $0.line, questions: QuizParser.parse(source: $0.source, blockLine: $0.line, file: lessonID).questions) }
        let allIDs = parsed.flatMap { $0.questions.map(\.id) }
        for (i, block) in parsed.enumerated() {
            let items = block.questions.map { QuizItem(lesson: lessonID, question: $0, lessonQuestions: allIDs) }
            quizCards[block.line] = QuizCard(items: items, seed: seed &+ UInt64(i), state: progress)
        }
        self.rendered = Layout.render(document, width: width, options: Self.options(quizCards))
    }

    static func options(_ cards: [Int: QuizCard]) -> Layout.Options {
        Layout.Options(quizCard: { _, line, width, focus in cards[line]?.lines(width: width, focus: focus).lines })
    }

    /// The quiz card that has the focus, by its fence line.
    public var focusedQuizLine: Int? {
        guard let f = focus, f < rendered.focusables.count, case .quiz(_, let line) = rendered.focusables[f].target else { return nil }
        return line
    }

    /// Gives a key to the focused quiz card; nil when no card has the focus.
    public mutating func handleQuizKey(_ key: Key, viewHeight: Int) -> QuizCardEvent? {
        guard let line = focusedQuizLine, var card = quizCards[line] else { return nil }
        let event = card.handle(key)
        if event != .ignored {
            quizCards[line] = card
            rendered = Layout.render(document, width: rendered.width, options: Self.options(quizCards))
            if let f = focus, f < rendered.focusables.count {
                reveal(lines: rendered.focusables[f].firstLine...rendered.focusables[f].lastLine, viewHeight: viewHeight)
            }
        }
        return event
    }

    /// Where the terminal cursor goes while a quiz card's input line is active: (document line, column).
    public var quizCursor: (line: Int, column: Int)? {
        guard let line = focusedQuizLine, let card = quizCards[line], card.capturesText, let f = focus else { return nil }
        let column = Layout.textColumn(width: rendered.width)
        guard let cursor = card.lines(width: column.width, focus: nil).cursor else { return nil }
        return (rendered.focusables[f].firstLine + cursor.line, column.margin + cursor.column)
    }

    public var lineCount: Int { rendered.lines.count }

    /// Lays the document out again for a new width, keeping the same text at the top.
    public mutating func relayout(width: Int) {
        guard width != rendered.width else { return }
        let position = self.position
        let focused = focus.map { rendered.focusables[$0] }
        rendered = Layout.render(document, width: width, options: Self.options(quizCards))
        restore(position)
        if let focused {
            focus = rendered.focusables.firstIndex { $0.target == focused.target }
        }
        if let query = search?.query { search = Search(query: query, in: rendered) }
    }

    public var position: Position {
        guard top < rendered.lines.count else { return Position(block: 0, offset: 0) }
        let block = rendered.lines[top].block
        let first = rendered.firstLine(ofBlock: block) ?? top
        return Position(block: block, offset: top - first)
    }

    public mutating func restore(_ position: Position) {
        if let first = rendered.firstLine(ofBlock: position.block) {
            top = first + position.offset
        } else {
            top = rendered.lines.count
        }
    }

    public func maxTop(viewHeight: Int) -> Int {
        max(0, rendered.lines.count - viewHeight)
    }

    public mutating func scroll(by delta: Int, viewHeight: Int) {
        top = min(max(0, top + delta), maxTop(viewHeight: viewHeight))
    }

    public mutating func clamp(viewHeight: Int) {
        top = min(max(0, top), maxTop(viewHeight: viewHeight))
    }

    /// Anchors of the headings whose sections are at least partly on screen.
    public func sectionsVisible(viewHeight: Int) -> [String] {
        let bottom = top + viewHeight
        var out: [String] = []
        if let current = rendered.section(at: top) { out.append(current.anchor) }
        for h in rendered.headings where h.line >= top && h.line < bottom { out.append(h.anchor) }
        if top >= maxTop(viewHeight: viewHeight), let last = rendered.headings.last {
            // At the end: everything after the top line has been shown.
            out += rendered.headings.filter { $0.line >= top }.map(\.anchor)
            out.append(last.anchor)
        }
        return out
    }

    /// Moves the focus to the next (or previous) focusable, starting from what is on screen.
    public mutating func moveFocus(forward: Bool, viewHeight: Int) {
        let items = rendered.focusables
        guard !items.isEmpty else { return }
        let bottom = top + viewHeight
        let next: Int?
        if let f = focus, items[f].lastLine >= top, items[f].firstLine < bottom {
            next = forward ? (f + 1 < items.count ? f + 1 : nil) : (f > 0 ? f - 1 : nil)
        } else if forward {
            next = items.firstIndex { $0.firstLine >= top } ?? nil
        } else {
            next = items.lastIndex { $0.lastLine < bottom } ?? nil
        }
        guard let n = next else { return }
        focus = n
        reveal(lines: items[n].firstLine...items[n].lastLine, viewHeight: viewHeight)
    }

    /// Scrolls the least needed so that `lines` are on screen.
    public mutating func reveal(lines: ClosedRange<Int>, viewHeight: Int) {
        if lines.lowerBound < top {
            top = lines.lowerBound
        } else if lines.upperBound >= top + viewHeight {
            top = min(lines.lowerBound, lines.upperBound - viewHeight + 1)
        }
        clamp(viewHeight: viewHeight)
    }

    public mutating func jump(toLine line: Int, viewHeight: Int) {
        top = line
        clamp(viewHeight: viewHeight)
    }

    /// A line's position in the lesson as a percentage, for the status line.
    public func percent(viewHeight: Int) -> Int {
        let maxTop = maxTop(viewHeight: viewHeight)
        return maxTop == 0 ? 100 : min(100, top * 100 / maxTop)
    }
}

/// Matches of a search over the laid-out lines (case-insensitive; within one line).
public struct Search: Sendable, Equatable {
    public struct Match: Sendable, Equatable {
        public var line: Int
        /// Columns [start, end) on the line.
        public var start: Int
        public var end: Int
    }

    public var query: String
    public var matches: [Match] = []
    public var current: Int?

    public init(query: String, in rendered: RenderedDocument) {
        self.query = query
        let needle = query.lowercased()
        guard !needle.isEmpty else { return }
        for (i, line) in rendered.lines.enumerated() {
            let text = line.text
            let lower = text.lowercased()
            guard lower.contains(needle) else { continue }
            // Columns are measured on the original text; lowercasing keeps grapheme counts for
            // everything lessons contain, so walk both in step.
            let chars = Array(text)
            let lowerChars = chars.map { String($0).lowercased() }
            let needleChars = Array(needle).map { String($0) }
            var col = 0
            var cols: [Int] = []
            for ch in chars { cols.append(col); col += DisplayWidth.of(ch) }
            cols.append(col)
            var k = 0
            while k + needleChars.count <= chars.count {
                if Array(lowerChars[k..<(k + needleChars.count)]) == needleChars {
                    matches.append(Match(line: i, start: cols[k], end: cols[k + needleChars.count]))
                    k += max(1, needleChars.count)
                } else {
                    k += 1
                }
            }
        }
    }

    /// The index of the first match at or after (or before) `line`.
    public func next(after line: Int, forward: Bool) -> Int? {
        if forward {
            return matches.firstIndex { $0.line >= line } ?? (matches.isEmpty ? nil : 0)
        }
        return matches.lastIndex { $0.line <= line } ?? (matches.isEmpty ? nil : matches.count - 1)
    }
}
