/// One question of a quiz block (docs/LESSON_FORMAT.md, "Quiz blocks").
public struct Question: Sendable, Equatable {
    public var id: String
    /// Markdown inline formatting allowed.
    public var prompt: String
    /// Shown after answering, right or wrong.
    public var explain: String
    /// `#anchor` or `other.md#anchor`: the section that teaches it.
    public var see: String?
    public var kind: QuestionKind
    /// Where the question starts in the lesson file (1-based), for messages.
    public var line: Int
    public var column: Int

    public init(id: String, prompt: String, explain: String, see: String? = nil, kind: QuestionKind,
                line: Int = 0, column: Int = 0) {
        self.id = id
        self.prompt = prompt
        self.explain = explain
        self.see = see
        self.kind = kind
        self.line = line
        self.column = column
    }

    public var type: QuestionType { kind.type }
}

/// The `type:` values a quiz block may use.
public enum QuestionType: String, Sendable, CaseIterable {
    case single, multiple, truefalse, order, text, number

    /// How the learner is told to answer, for prompts in both the card and the line runner.
    public var label: String {
        switch self {
        case .single: return "pick one"
        case .multiple: return "pick all that apply"
        case .truefalse: return "true or false"
        case .order: return "put in order"
        case .text: return "type the answer"
        case .number: return "type a number"
        }
    }
}

/// An option of a `single` or `multiple` question.
public struct Option: Sendable, Equatable {
    public var text: String
    public var correct: Bool
    /// Why picking it is wrong (or, for a correct option of `multiple`, why it is needed).
    public var why: String?

    public init(text: String, correct: Bool = false, why: String? = nil) {
        self.text = text
        self.correct = correct
        self.why = why
    }
}

/// What a question asks for, with the data its type needs.
public enum QuestionKind: Sendable, Equatable {
    case single(options: [Option])
    case multiple(options: [Option])
    case trueFalse(answer: Bool, why: String?)
    /// `items` are in the correct order; they are shown shuffled.
    case order(items: [String], why: String?)
    /// Accepted variants, compared after `TextAnswer.normalize`.
    case text(answers: [String], why: String?)
    /// Right when `|given - answer| <= tolerance` (inclusive).
    case number(answer: Double, tolerance: Double, unit: String?, why: String?)

    public var type: QuestionType {
        switch self {
        case .single: return .single
        case .multiple: return .multiple
        case .trueFalse: return .truefalse
        case .order: return .order
        case .text: return .text
        case .number: return .number
        }
    }

    /// The options a learner picks from (true/false is shown as two options).
    public var choices: [String] {
        switch self {
        case .single(let options), .multiple(let options): return options.map(\.text)
        case .trueFalse: return ["true", "false"]
        case .order(let items, _): return items
        case .text, .number: return []
        }
    }
}
