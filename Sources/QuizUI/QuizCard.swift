import QuizKit
import Render

/// A quiz block in the reader's page: its questions one at a time, in a box like the
/// placeholder `Render.Card` draws. The lead's layout asks for `lines(width:focus:)` in
/// place of the placeholder and sends keys to `handle` while the card has the focus.
public struct QuizCard: Equatable, Sendable {
    public private(set) var cards: [QuestionCard]
    public private(set) var current = 0

    /// - Parameter state: when given, each question shows how its latest saved answer went.
    public init(items: [QuizItem], seed: UInt64, state: LearnerProgress? = nil) {
        var generator = SplitMix64(seed: seed)
        cards = items.map { item in
            var card = QuestionCard(item: item, generator: &generator)
            card.lastTime = state?.progress(of: item.key)?.answers.last?.correct
            return card
        }
    }

    /// The questions of one quiz block (a `FocusTarget.quiz(source:line:)`) of lesson
    /// `lesson`; `allQuestionIDs` are every question id of the lesson, for its score
    /// (`QuizBlocks.questions(in: document).map(\.id)`).
    public init(lesson: String, blockSource: String, blockLine: Int, allQuestionIDs: [String], seed: UInt64,
                state: LearnerProgress? = nil) {
        let questions = QuizParser.parse(source: blockSource, blockLine: blockLine, file: lesson).questions
        self.init(items: questions.map { QuizItem(lesson: lesson, question: $0, lessonQuestions: allQuestionIDs) },
                  seed: seed, state: state)
    }

    public var card: QuestionCard? { cards.indices.contains(current) ? cards[current] : nil }
    public var capturesText: Bool { card?.capturesText ?? false }

    public mutating func handle(_ key: Key) -> QuizCardEvent {
        guard cards.indices.contains(current) else { return .ignored }
        // ←/→ step between the block's questions when no input line wants them.
        if !capturesText, key == .left || key == .right {
            let next = current + (key == .left ? -1 : 1)
            guard cards.indices.contains(next) else { return .ignored }
            current = next
            return .changed
        }
        let event = cards[current].handle(key)
        if event == .done, current + 1 < cards.count {
            current += 1
            return .changed
        }
        return event
    }

    /// The title on the box: `Quiz 1/3 · pick one`.
    public var title: String {
        guard let card else { return "Quiz" }
        let position = cards.count > 1 ? " \(current + 1)/\(cards.count)" : ""
        return "Quiz\(position) · \(card.question.type.label)"
    }

    /// The card as page lines of `width` columns, and where the terminal cursor goes
    /// (line index, column) while an input line is active.
    public func lines(width: Int, focus: Int?) -> (lines: [Line], cursor: (line: Int, column: Int)?) {
        let style = Style(.accent)
        guard let card else {
            return (Card.box(title: "Quiz", body: [[Span("This quiz block has no valid questions (run nettutor lint).", Style(.warning))]],
                             width: width, style: style, focus: focus), nil)
        }
        let body = QuestionCardView.body(card, width: max(1, width - 4))
        let lines = Card.box(title: title, body: body.rows, width: width, style: style, focus: focus)
        // Row r of the body is line r + 1 (after the top border), after "│ ".
        return (lines, body.cursor.map { ($0.row + 1, $0.column + 2) })
    }
}
