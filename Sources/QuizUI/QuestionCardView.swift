import QuizKit
import Render

/// The rows of a question card's body, for a box `Card.box` draws or a full screen.
public struct CardBody: Equatable, Sendable {
    public var rows: [[Span]]
    /// Where the terminal cursor goes (the input line of `text`/`number`), in `rows`.
    public var cursor: (row: Int, column: Int)?

    public static func == (a: CardBody, b: CardBody) -> Bool {
        a.rows == b.rows && a.cursor?.row == b.cursor?.row && a.cursor?.column == b.cursor?.column
    }
}

/// Draws a `QuestionCard`. Marks that carry meaning (picked, right, wrong, taken) are
/// characters, not only colors, so the card reads in monochrome and to screen readers.
public enum QuestionCardView {
    static let promptStyle = Style(.normal, .bold)
    static let hintStyle = Style(.muted, .italic)
    static let rightStyle = Style(.success, .bold)
    static let wrongStyle = Style(.error, .bold)
    static let highlightStyle = Style(.focus, .bold)

    public static func body(_ card: QuestionCard, width: Int) -> CardBody {
        let width = max(10, width)
        var rows = SpanText.wrap(SpanText.spans(card.question.prompt, base: promptStyle), width: width)
        rows.append([])
        var cursor: (row: Int, column: Int)?
        if card.usesInputLine {
            let (field, cursorColumn) = inputRows(card, width: width)
            if !card.isAnswered { cursor = (rows.count, cursorColumn) }
            rows += field
        } else {
            rows += choiceRows(card, width: width)
        }
        rows.append([])
        if let problem = card.problem {
            rows += SpanText.wrap([Span(problem, Style(.warning, .bold))], width: width)
        }
        if let feedback = card.feedback {
            rows += feedbackRows(feedback, question: card.question, width: width)
            rows.append([])
        }
        if let last = card.lastTime, !card.isAnswered {
            rows.append([Span("Last time: ", Style(.muted)), last ? Span("✓ right", rightStyle) : Span("✗ wrong", wrongStyle)])
        }
        rows += SpanText.wrap([Span(hint(card), hintStyle)], width: width)
        return CardBody(rows: rows, cursor: cursor)
    }

    static func choiceRows(_ card: QuestionCard, width: Int) -> [[Span]] {
        var rows: [[Span]] = []
        let choices = card.question.kind.choices
        let correctSet = correctChoices(card.question)
        for (row, choice) in card.arrangement.enumerated() {
            let highlighted = row == card.highlight && !card.isAnswered
            var prefix: [Span] = []
            if let feedback = card.feedback {
                prefix.append(verdictMark(card, row: row, choice: choice, correct: correctSet, feedback: feedback))
            } else {
                prefix.append(Span(highlighted ? (card.holding ? "⇅ " : "▸ ") : "  ", highlightStyle))
            }
            switch card.question.kind {
            case .single, .trueFalse: prefix.append(Span(card.picked.contains(choice) ? "(•) " : "( ) "))
            case .multiple: prefix.append(Span(card.picked.contains(choice) ? "[x] " : "[ ] "))
            default: break
            }
            prefix.append(Span("\(row + 1). ", Style(.accent)))
            let base = highlighted ? Style(.normal, card.holding ? [.bold, .reverse] : .bold) : Style.plain
            let indent = prefix.reduce(0) { $0 + $1.width }
            rows += SpanText.wrap(SpanText.spans(choices[choice], base: base), width: width, prefix: prefix, indent: indent)
        }
        return rows
    }

    /// ✓ on a right option (or an item in its right place), ✗ on a wrong pick or place.
    static func verdictMark(_ card: QuestionCard, row: Int, choice: Int, correct: Set<Int>, feedback: Feedback) -> Span {
        switch card.question.kind {
        case .order:
            return choice == row ? Span("✓ ", rightStyle) : Span("✗ ", wrongStyle)
        default:
            if correct.contains(choice) { return Span("✓ ", rightStyle) }
            return card.picked.contains(choice) ? Span("✗ ", wrongStyle) : Span("  ")
        }
    }

    static func correctChoices(_ q: Question) -> Set<Int> {
        switch q.kind {
        case .single(let options), .multiple(let options): return Set(options.indices.filter { options[$0].correct })
        case .trueFalse(let answer, _): return [answer ? 0 : 1]
        default: return []
        }
    }

    static func inputRows(_ card: QuestionCard, width: Int) -> ([[Span]], Int) {
        let label = "Answer: "
        let fieldWidth = max(2, width - label.count)
        let (shown, cursorColumn) = card.editor.visible(width: fieldWidth)
        let pad = String(repeating: " ", count: max(0, fieldWidth - DisplayWidth.of(shown)))
        var rows: [[Span]] = [[Span(label, Style(.accent)), Span(shown + (card.isAnswered ? "" : pad), Style(.normal, .underline))]]
        if case .number(_, _, let unit?, _) = card.question.kind {
            rows.append([Span("Unit: \(unit)", Style(.muted))])
        }
        return (rows, label.count + cursorColumn)
    }

    static func feedbackRows(_ f: Feedback, question: Question, width: Int) -> [[Span]] {
        var rows: [[Span]] = []
        if f.correct {
            rows.append([Span("✓ Right.", rightStyle)])
        } else {
            rows += SpanText.wrap([Span("✗ Wrong.", wrongStyle), Span(" The answer: ", Style(.muted))]
                                  + expectedSpans(question), width: width)
        }
        for note in f.notes {
            var lead: [Span] = []
            switch note.kind {
            case .picked: lead = [Span("You picked “", Style(.muted))] + SpanText.spans(note.choice ?? "", base: Style(.normal, .italic)) + [Span("”: ", Style(.muted))]
            case .missed: lead = [Span("You left out “", Style(.muted))] + SpanText.spans(note.choice ?? "", base: Style(.normal, .italic)) + [Span("”: ", Style(.muted))]
            case .general: break
            }
            rows += SpanText.wrap(lead + SpanText.spans(note.text), width: width)
        }
        rows += SpanText.wrap(SpanText.spans(f.explain), width: width)
        if let see = f.see {
            rows += SpanText.wrap([Span("See: ", Style(.muted)), Span(see, Style(.link, .underline))], width: width)
        }
        return rows
    }

    /// The right answer, with the options' inline Markdown rendered.
    static func expectedSpans(_ q: Question) -> [Span] {
        switch q.kind {
        case .single(let options), .multiple(let options):
            var out: [Span] = []
            for i in options.indices where options[i].correct {
                if !out.isEmpty { out.append(Span("; ")) }
                out.append(Span("\(i + 1). ", Style(.accent)))
                out += SpanText.spans(options[i].text)
            }
            return out
        default:
            return [Span(q.expectedAnswer(inline: { SpanText.spans($0).map(\.text).joined() }))]
        }
    }

    static func hint(_ card: QuestionCard) -> String {
        if card.isAnswered { return "Enter: continue · r: try again" }
        let n = card.arrangement.count
        switch card.question.kind {
        case .single, .trueFalse: return "1-\(n) or ↑↓ Space: pick · Enter: submit"
        case .multiple: return "1-\(n) or ↑↓ Space: pick or unpick · Enter: submit"
        case .order: return card.holding ? "↑↓: move the item · Space: put it down · Enter: submit"
            : "↑↓: choose · Space: take the item to move it · Enter: submit"
        case .text: return "Type the answer · Enter: submit"
        case .number: return "Type a number · Enter: submit"
        }
    }
}
