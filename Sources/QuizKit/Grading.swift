/// What a learner gave for a question. Indices are 0-based positions in the question's data.
public enum Answer: Sendable, Equatable {
    /// `single` and `multiple`: the indices of the options picked.
    case picks(Set<Int>)
    case truth(Bool)
    /// `order`: the items as the learner arranged them, each given by its index in the
    /// correct order (so `[0, 1, 2]` is right).
    case order([Int])
    case text(String)
    case number(Double)
}

/// One remark after an answer: the `why` of a wrong pick, of a missed correct option, or
/// the question's general `why`.
public struct FeedbackNote: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case picked, missed, general }
    public var kind: Kind
    /// The option text the note is about (nil for `.general`).
    public var choice: String?
    public var text: String

    public init(kind: Kind, choice: String? = nil, text: String) {
        self.kind = kind
        self.choice = choice
        self.text = text
    }
}

/// The verdict on an answer, ready to show.
public struct Feedback: Sendable, Equatable {
    public var correct: Bool
    public var explain: String
    public var notes: [FeedbackNote]
    /// The right answer in words, e.g. `2. SYN`, `SYN → SYN+ACK → ACK`, `1 round trips`.
    public var expected: String
    public var see: String?
}

extension Question {
    /// Grades an answer. All-or-nothing: a `multiple` with some but not all correct options,
    /// or with one wrong option among the right ones, is wrong.
    public func grade(_ answer: Answer) -> Feedback {
        var notes: [FeedbackNote] = []
        let correct: Bool
        switch (kind, answer) {
        case (.single(let options), .picks(let picks)), (.multiple(let options), .picks(let picks)):
            let right = Set(options.indices.filter { options[$0].correct })
            correct = picks == right
            for i in options.indices.sorted() where picks.contains(i) && !options[i].correct {
                if let why = options[i].why { notes.append(FeedbackNote(kind: .picked, choice: options[i].text, text: why)) }
            }
            // docs/LESSON_FORMAT.md: for `multiple`, a correct option left out shows its `why` too.
            if case .multiple = kind {
                for i in options.indices where !picks.contains(i) && options[i].correct {
                    if let why = options[i].why { notes.append(FeedbackNote(kind: .missed, choice: options[i].text, text: why)) }
                }
            }
        case (.trueFalse(let expected, _), .truth(let given)):
            correct = given == expected
        case (.order(let items, _), .order(let sequence)):
            correct = sequence == Array(items.indices)
        case (.text(let answers, _), .text(let given)):
            let normalized = TextAnswer.normalize(given)
            correct = answers.contains { TextAnswer.normalize($0) == normalized }
        case (.number(let expected, let tolerance, _, _), .number(let given)):
            correct = NumberAnswer.within(given, expected, tolerance: tolerance)
        default:
            correct = false
        }
        if !correct, let why = generalWhy { notes.append(FeedbackNote(kind: .general, text: why)) }
        return Feedback(correct: correct, explain: explain, notes: notes, expected: expectedAnswer, see: see)
    }

    var generalWhy: String? {
        switch kind {
        case .trueFalse(_, let why), .order(_, let why), .text(_, let why), .number(_, _, _, let why): return why
        case .single, .multiple: return nil
        }
    }

    /// The right answer in words.
    public var expectedAnswer: String { expectedAnswer(inline: { $0 }) }

    /// The right answer with each option or item passed through `inline` (to drop or render
    /// its Markdown inline formatting).
    public func expectedAnswer(inline: (String) -> String) -> String {
        switch kind {
        case .single(let options), .multiple(let options):
            return options.indices.filter { options[$0].correct }.map { "\($0 + 1). \(inline(options[$0].text))" }
                .joined(separator: "; ")
        case .trueFalse(let answer, _):
            return answer ? "true" : "false"
        case .order(let items, _):
            return items.map(inline).joined(separator: " → ")
        case .text(let answers, _):
            return inline(answers.first ?? "")
        case .number(let answer, let tolerance, let unit, _):
            var s = NumberAnswer.format(answer)
            if tolerance > 0 { s += " ± " + NumberAnswer.format(tolerance) }
            if let unit { s += " " + unit }
            return s
        }
    }
}

/// Free-text comparison rules (docs/LESSON_FORMAT.md: case-insensitive after trimming and
/// collapsing spaces).
public enum TextAnswer {
    public static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

public enum NumberAnswer {
    /// Inclusive tolerance. A relative hair of slack keeps decimal answers such as 0.3 from
    /// failing on binary rounding (0.1 + 0.2 != 0.3 in a Double).
    public static func within(_ given: Double, _ expected: Double, tolerance: Double) -> Bool {
        guard given.isFinite else { return false }
        let slack = 1e-9 * max(1, abs(expected))
        return abs(given - expected) <= tolerance + slack
    }

    /// `1` rather than `1.0`; other values as Swift prints them.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
