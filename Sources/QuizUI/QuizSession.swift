import QuizKit
import Render

/// `nettutor quiz <id>` and `nettutor review` in a terminal: the questions one per screen,
/// then the score and the missed questions with their links. Hosted by the app's loop like
/// a demo; every answer goes to `onAnswer` at once (the host saves the state file there).
public final class QuizSession: DemoScreen {
    public let title: String
    public private(set) var cards: [QuestionCard]
    public private(set) var current = 0
    public private(set) var outcome: QuizOutcome
    let onAnswer: (QuizItem, Bool) -> Void

    /// - Parameter state: when given, each question shows how its latest saved answer went.
    public init(title: String, items: [QuizItem], seed: UInt64, state: LearnerProgress? = nil,
                onAnswer: @escaping (QuizItem, Bool) -> Void) {
        self.title = title
        self.cards = QuizCard(items: items, seed: seed, state: state).cards
        self.outcome = QuizOutcome(total: items.count)
        self.onAnswer = onAnswer
    }

    public var finished: Bool { current >= cards.count }

    public func handle(_ key: Key) -> DemoOutcome {
        if finished {
            switch key {
            case .enter, .escape, .char("q"): return .close
            default: return .keepOpen
            }
        }
        let card = cards[current]
        if key == .escape || key == .ctrl("c") || (key == .char("q") && !card.capturesText) { return .close }
        // Each question counts once: no second try inside a quiz run.
        if card.isAnswered, key == .char("r") { return .keepOpen }
        switch cards[current].handle(key) {
        case .answered(let item, let correct):
            outcome.answered += 1
            if correct { outcome.right += 1 } else { outcome.missed.append(item) }
            onAnswer(item, correct)
        case .done:
            current += 1
        case .changed, .ignored:
            break
        }
        return .keepOpen
    }

    public func tick() {}
    public func close() {}

    public func draw(into buffer: inout ScreenBuffer) {
        for row in 0..<buffer.height { buffer.fill(row: row, style: .plain) }
        buffer.cursor = nil
        guard buffer.height >= 3, buffer.width >= 20 else {
            buffer.put("Terminal too small", row: 0, column: 0, style: Style(.warning))
            return
        }
        let status = finished ? "done" : "question \(current + 1) of \(cards.count)"
        buffer.fill(row: 0, style: Style(.status, .reverse))
        buffer.put(" \(title) · \(status) · score \(outcome.right)/\(outcome.answered)", row: 0, column: 0,
                   style: Style(.status, .reverse))
        let margin = buffer.width >= 60 ? 2 : 0
        let width = min(buffer.width - 2 * margin, 76)
        let body: CardBody
        if finished {
            body = summaryBody(width: width)
        } else {
            var b = QuestionCardView.body(cards[current], width: width)
            b.rows.append([Span("Esc: leave (answers so far are saved)", QuestionCardView.hintStyle)])
            body = b
        }
        // Keep the cursor row on screen when the body is taller than the terminal.
        let room = buffer.height - 2
        let top = max(0, min(body.rows.count - room, (body.cursor?.row ?? 0) - room + 1))
        for (i, spans) in body.rows.dropFirst(top).prefix(room).enumerated() {
            Self.put(spans, row: i + 2, column: margin, limit: width, into: &buffer)
        }
        if let c = body.cursor, c.row - top + 2 < buffer.height {
            buffer.cursor = (c.row - top + 2, margin + c.column)
        }
    }

    func summaryBody(width: Int) -> CardBody {
        var rows: [[Span]] = [[Span(outcome.scoreLine, Style(.normal, .bold))], []]
        if outcome.missed.isEmpty {
            rows.append([Span(outcome.total == 0 ? "No questions." : "No question missed.", QuestionCardView.rightStyle)])
        } else {
            rows.append([Span("Missed:", Style(.heading2, .bold))])
            for item in outcome.missed {
                rows += SpanText.wrap(SpanText.spans(item.question.prompt), width: width, prefix: [Span("• ", Style(.accent))], indent: 2)
                if let see = item.seeLink {
                    rows.append([Span("  see ", Style(.muted)), Span(see, Style(.link, .underline))])
                }
            }
        }
        rows += [[], [Span("Enter or q: close", QuestionCardView.hintStyle)]]
        return CardBody(rows: rows, cursor: nil)
    }

    static func put(_ spans: [Span], row: Int, column: Int, limit: Int, into buffer: inout ScreenBuffer) {
        var col = column
        for span in spans {
            let left = column + limit - col
            guard left > 0 else { break }
            col = buffer.put(span.text, row: row, column: col, style: span.style, limit: left)
        }
    }
}
