import QuizKit
import Render

/// What a key did to a quiz card, for the host (the reader or `QuizSession`).
public enum QuizCardEvent: Equatable, Sendable {
    /// Not a key the card uses: the host handles it (scrolling, Tab, Esc, q...).
    case ignored
    /// The card changed; redraw.
    case changed
    /// An answer was graded: the host records it (save the state file).
    case answered(QuizItem, correct: Bool)
    /// Enter after the feedback of the last question: the host may move on.
    case done
}

/// One question being answered: a pure model driven by keys (Elm-style: `handle` is the
/// update, `QuestionCardView` the view).
///
/// Keys: digits pick an option (toggle for `multiple`), ↑/↓ move the highlight, Space picks
/// the highlighted option; for `order`, Space takes the highlighted item and ↑/↓ then move
/// it; for `text`/`number`, an input line (←/→, Home/End, Backspace/Delete, Ctrl-U/K/W);
/// Enter submits. After the feedback, Enter goes on and `r` tries again.
public struct QuestionCard: Equatable, Sendable {
    public let item: QuizItem
    /// The choices in the order shown, as indices into the question's data. For `order` the
    /// learner rearranges it; it starts shuffled.
    public private(set) var arrangement: [Int]
    /// The highlighted row of `arrangement`.
    public private(set) var highlight = 0
    /// Picked choices (indices into the data, not rows).
    public private(set) var picked: Set<Int> = []
    /// `order`: the highlighted item is taken and moves with ↑/↓.
    public private(set) var holding = false
    public private(set) var editor = LineEditor()
    /// An answer that did not fit (shown until the next key).
    public private(set) var problem: String?
    public private(set) var feedback: Feedback?
    /// The verdict of the latest answer saved before this card was made (nil: never answered).
    public var lastTime: Bool?
    let initialArrangement: [Int]

    public init(item: QuizItem, arrangement: [Int]) {
        self.item = item
        self.arrangement = arrangement
        self.initialArrangement = arrangement
    }

    public init<G: RandomNumberGenerator>(item: QuizItem, generator: inout G) {
        self.init(item: item, arrangement: item.question.listedOrder(using: &generator))
    }

    public var question: Question { item.question }
    public var isAnswered: Bool { feedback != nil }

    /// While true the host must send every printable key here (typing `q` is not quitting).
    public var capturesText: Bool {
        guard !isAnswered else { return false }
        switch question.kind {
        case .text, .number: return true
        default: return false
        }
    }

    var usesInputLine: Bool {
        switch question.kind {
        case .text, .number: return true
        default: return false
        }
    }

    public mutating func handle(_ key: Key) -> QuizCardEvent {
        if isAnswered {
            switch key {
            case .enter: return .done
            case .char("r"):
                retry()
                return .changed
            default: return .ignored
            }
        }
        let hadProblem = problem != nil
        problem = nil
        if key == .enter { return submit() }
        if usesInputLine {
            return editor.handle(key) ? .changed : (hadProblem ? .changed : .ignored)
        }
        switch key {
        case .char(let c) where c.isASCII && c.isNumber:
            let row = Int(String(c))! - 1
            guard row >= 0, row < arrangement.count else { return hadProblem ? .changed : .ignored }
            if case .order = question.kind {
                highlight = row
            } else {
                highlight = row
                pick(row)
            }
        case .up, .down:
            let target = key == .up ? highlight - 1 : highlight + 1
            guard target >= 0, target < arrangement.count else { return .changed }
            if holding { arrangement.swapAt(highlight, target) }
            highlight = target
        case .char(" "):
            if case .order = question.kind { holding.toggle() } else { pick(highlight) }
        case .home: highlight = 0
        case .end: highlight = arrangement.count - 1
        default:
            return hadProblem ? .changed : .ignored
        }
        return .changed
    }

    mutating func pick(_ row: Int) {
        let choice = arrangement[row]
        if case .multiple = question.kind {
            if picked.contains(choice) { picked.remove(choice) } else { picked.insert(choice) }
        } else {
            picked = [choice]
        }
    }

    mutating func submit() -> QuizCardEvent {
        let answer: Answer
        switch question.kind {
        case .single, .multiple:
            guard !picked.isEmpty else {
                problem = "Pick an option first: its number, or ↑/↓ and Space."
                return .changed
            }
            answer = .picks(picked)
        case .trueFalse:
            guard let choice = picked.first else {
                problem = "Pick 1 (true) or 2 (false) first."
                return .changed
            }
            answer = .truth(choice == 0)
        case .order:
            holding = false
            answer = .order(arrangement)
        case .text, .number:
            switch AnswerParser.parse(editor.text, for: question) {
            case .failure(let p):
                problem = p.message
                return .changed
            case .success(let a):
                answer = a
            }
        }
        let result = question.grade(answer)
        feedback = result
        return .answered(item, correct: result.correct)
    }

    /// Clears the answer for another try (the order items are shuffled back).
    public mutating func retry() {
        feedback = nil
        problem = nil
        picked = []
        holding = false
        highlight = 0
        editor = LineEditor()
        arrangement = initialArrangement
    }
}
