import LessonKit
import QuizKit
import QuizUI
import Render

/// One open lesson: its layout for the current width and where the reader is in it.
///
/// The layout is built as far as the screen needs (`ensure(line:)`): opening a lesson lays
/// out its first screen, the loop lays out the rest while no key is waiting (`layOutMore`),
/// and what needs all of it (the end, the contents, a search) finishes it first. Quiz blocks
/// become cards when they are laid out, not before.
public struct Reader: Sendable {
    public var lessonID: String
    public var title: String
    /// The lesson body, converted from cmark's tree as far as it has been laid out.
    public let source: DocumentStream
    public private(set) var rendered: RenderedDocument
    /// The first document line on screen.
    public var top = 0
    /// Index into `rendered.focusables`, or nil.
    public var focus: Int?
    public var search: Search?
    /// The lesson's quiz blocks laid out so far as interactive cards, by the file line of their fence.
    public private(set) var quizCards: [Int: QuizCard] = [:]
    let progress: LearnerProgress?
    let seed: UInt64
    var questionIDs: [String]?

    /// Top-level blocks laid out by one `layOutMore()`: a few milliseconds of work.
    public static let blocksPerStep = 40

    /// Opens a lesson with its lines laid out through `line` (all of them by default).
    public init(lessonID: String, title: String, source: DocumentStream, width: Int, progress: LearnerProgress? = nil,
                seed: UInt64 = 1, layOutThrough line: Int = .max) {
        self.lessonID = lessonID
        self.title = title
        self.source = source
        self.progress = progress
        self.seed = seed
        rendered = RenderedDocument(width: width)
        ensure(line: line)
    }

    public init(lessonID: String, title: String, document: Document, width: Int, progress: LearnerProgress? = nil,
                seed: UInt64 = 1, layOutThrough line: Int = .max) {
        self.init(lessonID: lessonID, title: title, source: DocumentStream(document), width: width, progress: progress,
                  seed: seed, layOutThrough: line)
    }

    /// How many headings the whole lesson has (laid out or not).
    public var headingCount: Int { source.headingCount }
    /// The heading count if the whole lesson is parsed already (nothing is parsed to answer).
    public var headingCountIfKnown: Int? { source.headingCountIfKnown }

    var options: Layout.Options {
        let cards = quizCards
        return Layout.Options(quizCard: { _, line, width, focus in cards[line]?.lines(width: width, focus: focus).lines })
    }

    /// Makes the cards for the quiz blocks inside top-level block `index`.
    mutating func prepareCards(block index: Int) {
        guard source.ensure(block: index) else { return }
        Linter.walk([source.blocks[index]]) { block in
            guard case .quiz(let source) = block.kind, quizCards[block.line] == nil else { return }
            let questions = QuizParser.parse(source: source, blockLine: block.line, file: lessonID).questions
            // The lesson's question list is filled in when an answer is recorded
            // (`lessonQuestionIDs()`): finding it means parsing every quiz block.
            let items = questions.map { QuizItem(lesson: lessonID, question: $0, lessonQuestions: []) }
            quizCards[block.line] = QuizCard(items: items, seed: seed &+ UInt64(self.source.quizOrdinal(ofLine: block.line) ?? 0), state: progress)
        }
    }

    /// Lays out the next part of a big block, or the next top-level block.
    mutating func layOutNextBlock() {
        if rendered.hasUnfinishedBlock {
            rendered.appendPart(source.blocks[rendered.laidOutBlocks - 1], options: options)
            return
        }
        let index = rendered.laidOutBlocks
        guard source.ensure(block: index) else { return }
        prepareCards(block: index)
        rendered.append(source.blocks[index], options: options)
    }

    /// Every block of the lesson is laid out: the line count and the lists are final.
    public var isLaidOut: Bool {
        source.isComplete && rendered.laidOutBlocks >= source.blocks.count && !rendered.hasUnfinishedBlock
    }

    /// Lays out until line `line` exists or the lesson ends.
    public mutating func ensure(line: Int) {
        while rendered.lines.count <= line && !isLaidOut { layOutNextBlock() }
    }

    /// Lays out through top-level block `block`.
    mutating func ensure(block: Int) {
        while rendered.laidOutBlocks <= block && !isLaidOut { layOutNextBlock() }
    }

    /// Lays out until a heading has `anchor`; returns its line.
    public mutating func line(ofAnchor anchor: String) -> Int? {
        while rendered.anchors[anchor] == nil && !isLaidOut { layOutNextBlock() }
        return rendered.anchors[anchor]
    }

    /// Lays out a few more blocks; false when there was nothing left to do.
    @discardableResult
    public mutating func layOutMore(blocks: Int = Reader.blocksPerStep) -> Bool {
        guard !isLaidOut else { return false }
        for _ in 0..<blocks where !isLaidOut { layOutNextBlock() }
        return true
    }

    public mutating func completeLayout() {
        while !isLaidOut { layOutNextBlock() }
    }

    /// The question ids of every quiz block in the lesson, for its score (blocks not laid
    /// out yet are parsed from their YAML; nothing else is converted).
    public mutating func lessonQuestionIDs() -> [String] {
        if let questionIDs { return questionIDs }
        var ids: [String] = []
        for quiz in source.quizzes {
            if let card = quizCards[quiz.line] {
                ids += card.cards.map(\.item.question.id)
            } else {
                ids += QuizParser.parse(source: quiz.source, blockLine: quiz.line, file: lessonID).questions.map(\.id)
            }
        }
        questionIDs = ids
        return ids
    }

    /// The quiz card that has the focus, by its fence line.
    public var focusedQuizLine: Int? {
        guard let f = focus, f < rendered.focusables.count, case .quiz(_, let line) = rendered.focusables[f].target else { return nil }
        return line
    }

    /// Gives a key to the focused quiz card; nil when no card has the focus. Only the block
    /// that holds the card is laid out again.
    public mutating func handleQuizKey(_ key: Key, viewHeight: Int) -> QuizCardEvent? {
        guard let line = focusedQuizLine, var card = quizCards[line], let f = focus else { return nil }
        let event = card.handle(key)
        if event != .ignored {
            quizCards[line] = card
            let block = rendered.lines[rendered.focusables[f].firstLine].block
            let old = rendered.lines(ofBlock: block)
            let delta = rendered.relayOut(source.blocks[block], at: block, options: options)
            search?.replace(lines: old, delta: delta, in: rendered)
            if f < rendered.focusables.count {
                ensure(line: rendered.focusables[f].lastLine + viewHeight)
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

    /// The lines laid out so far: the lesson's line count once `isLaidOut`.
    public var lineCount: Int { rendered.lines.count }

    /// Lays the document out again for a new width, keeping the same text at the top.
    public mutating func relayout(width: Int, viewHeight: Int) {
        guard width != rendered.width else { return }
        let position = self.position
        let focused = focus.map { ($0, rendered.focusables[$0]) }
        rendered = RenderedDocument(width: width)
        restore(position, viewHeight: viewHeight)
        if let (index, entry) = focused {
            // Focus ids count the targets that drew something, which does not depend on the
            // width: the same index is the same place, once it is laid out.
            while rendered.focusables.count <= index && !isLaidOut { layOutNextBlock() }
            focus = index < rendered.focusables.count && rendered.focusables[index].target == entry.target
                ? index : rendered.focusables.firstIndex { $0.target == entry.target }
        }
        // The rest is laid out again while no key is waiting, as after opening; a search
        // needs every line at once.
        if let query = search?.query {
            completeLayout()
            search = Search(query: query, in: rendered)
        }
    }

    public var position: Position {
        guard top < rendered.lines.count else { return Position(block: rendered.lines.last?.block ?? 0, offset: 0) }
        let block = rendered.lines[top].block
        let first = rendered.firstLine(ofBlock: block) ?? top
        return Position(block: block, offset: top - first)
    }

    /// Goes back to a saved position, laying out as far as it needs.
    public mutating func restore(_ position: Position, viewHeight: Int) {
        ensure(block: position.block)
        if let first = rendered.firstLine(ofBlock: position.block) {
            top = first + position.offset
        } else {
            top = rendered.lines.count
        }
        clamp(viewHeight: viewHeight)
    }

    /// The largest `top` there can be; until the lesson is laid out, the largest so far.
    public func maxTop(viewHeight: Int) -> Int {
        max(0, rendered.lines.count - viewHeight)
    }

    public mutating func scroll(by delta: Int, viewHeight: Int) {
        jump(toLine: top + delta, viewHeight: viewHeight)
    }

    /// Keeps `top` inside the lesson, with a full page below it where the lesson has one.
    public mutating func clamp(viewHeight: Int) {
        let (below, overflow) = max(0, top).addingReportingOverflow(viewHeight)
        ensure(line: overflow ? .max : below)
        top = min(max(0, top), maxTop(viewHeight: viewHeight))
    }

    /// Anchors of the headings whose sections are at least partly on screen.
    public func sectionsVisible(viewHeight: Int) -> [String] {
        let bottom = top + viewHeight
        var out: [String] = []
        if let current = rendered.section(at: top) { out.append(current.anchor) }
        for h in rendered.headings where h.line >= top && h.line < bottom { out.append(h.anchor) }
        if isLaidOut, top >= maxTop(viewHeight: viewHeight), let last = rendered.headings.last {
            // At the end: everything after the top line has been shown.
            out += rendered.headings.filter { $0.line >= top }.map(\.anchor)
            out.append(last.anchor)
        }
        return out
    }

    /// Moves the focus to the next (or previous) focusable, starting from what is on screen.
    public mutating func moveFocus(forward: Bool, viewHeight: Int) {
        let bottom = top + viewHeight
        ensure(line: bottom)
        var next: Int?
        while true {
            let items = rendered.focusables
            if let f = focus, f < items.count, items[f].lastLine >= top, items[f].firstLine < bottom {
                next = forward ? (f + 1 < items.count ? f + 1 : nil) : (f > 0 ? f - 1 : nil)
            } else if forward {
                next = items.firstIndex { $0.firstLine >= top }
            } else {
                next = items.lastIndex { $0.lastLine < bottom }
            }
            // Forward past what is laid out: the next one may be further on.
            guard next == nil && forward && !isLaidOut else { break }
            layOutMore()
        }
        guard let n = next else { return }
        focus = n
        reveal(lines: rendered.focusables[n].firstLine...rendered.focusables[n].lastLine, viewHeight: viewHeight)
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

    /// The last page (the whole lesson gets laid out).
    public mutating func jumpToEnd(viewHeight: Int) {
        completeLayout()
        jump(toLine: rendered.lines.count, viewHeight: viewHeight)
    }

    /// A line's position in the lesson as a percentage, for the status line; nil until the
    /// lesson is laid out (the top is exact, the end is not known yet).
    public func percent(viewHeight: Int) -> Int? {
        guard isLaidOut else { return top == 0 ? 0 : nil }
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
        matches = Self.matches(of: query, in: rendered, lines: 0..<rendered.lines.count)
    }

    /// After `lines` were laid out again and the lines after them moved by `delta`: the
    /// matches in them found again, the ones after them moved.
    public mutating func replace(lines old: Range<Int>, delta: Int, in rendered: RenderedDocument) {
        let before = matches.filter { $0.line < old.lowerBound }
        let after = matches.filter { $0.line >= old.upperBound }.map { Match(line: $0.line + delta, start: $0.start, end: $0.end) }
        let redone = Self.matches(of: query, in: rendered, lines: old.lowerBound..<(old.upperBound + delta))
        matches = before + redone + after
        if let c = current { current = matches.isEmpty ? nil : min(c, matches.count - 1) }
    }

    static func matches(of query: String, in rendered: RenderedDocument, lines range: Range<Int>) -> [Match] {
        var matches: [Match] = []
        let needle = query.lowercased()
        guard !needle.isEmpty else { return [] }
        for i in range {
            let text = rendered.lines[i].text
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
        return matches
    }

    /// The index of the first match at or after (or before) `line`.
    public func next(after line: Int, forward: Bool) -> Int? {
        if forward {
            return matches.firstIndex { $0.line >= line } ?? (matches.isEmpty ? nil : 0)
        }
        return matches.lastIndex { $0.line <= line } ?? (matches.isEmpty ? nil : matches.count - 1)
    }
}
