/// A question with the lesson it belongs to, as a quiz or a review runs it.
public struct QuizItem: Sendable, Equatable {
    public var lesson: String
    public var question: Question
    /// Every question id of the lesson, so an answer can update the lesson's score.
    public var lessonQuestions: [String]

    public init(lesson: String, question: Question, lessonQuestions: [String]) {
        self.lesson = lesson
        self.question = question
        self.lessonQuestions = lessonQuestions
    }

    public var key: QuestionKey { QuestionKey(lesson: lesson, question: question.id) }

    /// The `see` link as it reads outside the lesson (`tcp.md#time-wait`).
    public var seeLink: String? {
        question.see.map { SeeLink($0, from: lesson)?.absolute ?? $0 }
    }

    /// Every question of a lesson, in order.
    public static func all(in lesson: String, questions: [Question]) -> [QuizItem] {
        let ids = questions.map(\.id)
        return questions.map { QuizItem(lesson: lesson, question: $0, lessonQuestions: ids) }
    }
}

/// How a run ended.
public struct QuizOutcome: Sendable, Equatable {
    public var right: Int
    public var answered: Int
    public var total: Int
    public var missed: [QuizItem]

    public init(right: Int = 0, answered: Int = 0, total: Int, missed: [QuizItem] = []) {
        self.right = right
        self.answered = answered
        self.total = total
        self.missed = missed
    }

    public var completed: Bool { answered == total }

    /// `score: 7/10` — out of the questions answered, so input that ends early gives the
    /// score so far.
    public var scoreLine: String { "score: \(right)/\(answered)" }

    /// The score and the missed questions with their links, as printed at the end.
    public var summaryLines: [String] {
        var out = [scoreLine]
        if !completed { out.append("(stopped after \(answered) of \(total) questions)") }
        if !missed.isEmpty {
            out.append("missed:")
            for item in missed {
                var line = "  - \(item.key): \(PlainInline.text(item.question.prompt))"
                if let see = item.seeLink { line += " (see \(see))" }
                out.append(line)
            }
        }
        return out
    }
}

/// `nettutor quiz <id>` and `nettutor review` when stdin is not a terminal: one numbered
/// question per prompt, one answer per line, feedback after each. Serves screen readers and
/// scripts; all I/O goes through the closures so tests drive it with strings.
public struct LineQuiz {
    public var title: String
    public var items: [QuizItem]

    public init(title: String, items: [QuizItem]) {
        self.title = title
        self.items = items
    }

    /// - Parameters:
    ///   - readLine: the next input line without its newline, or nil at end of input.
    ///   - write: output text (already carrying its newlines).
    ///   - record: called after every graded answer, before the next question is shown.
    public func run<G: RandomNumberGenerator>(readLine: () -> String?, write: (String) -> Void,
                                              record: (QuizItem, Bool) -> Void, generator: inout G) -> QuizOutcome {
        var outcome = QuizOutcome(total: items.count)
        let count = items.count == 1 ? "1 question" : "\(items.count) questions"
        write("\(title) (\(count))\n")
        write("Answer with option numbers (2, or 1,3 for several), an order (3 1 2), text or a number. End of input stops.\n")
        questions: for (n, item) in items.enumerated() {
            let listed = item.question.listedOrder(using: &generator)
            write("\n" + Self.questionText(item.question, number: n + 1, of: items.count, listed: listed))
            while true {
                write("answer> ")
                guard let line = readLine() else {
                    write("\n")
                    break questions
                }
                switch AnswerParser.parse(line, for: item.question, shown: listed) {
                case .failure(let problem):
                    write(problem.message + "\n")
                case .success(let answer):
                    let feedback = item.question.grade(answer)
                    outcome.answered += 1
                    if feedback.correct { outcome.right += 1 } else { outcome.missed.append(item) }
                    record(item, feedback.correct)
                    write(Self.feedbackText(feedback, item: item))
                    continue questions
                }
            }
        }
        write("\n" + outcome.summaryLines.joined(separator: "\n") + "\n")
        return outcome
    }

    static func questionText(_ q: Question, number: Int, of total: Int, listed: [Int]) -> String {
        var out = "Question \(number) of \(total) (\(q.type.label))\n"
        out += PlainInline.text(q.prompt) + "\n"
        let choices = q.kind.choices
        for (i, index) in listed.enumerated() {
            out += "  \(i + 1). \(PlainInline.text(choices[index]))\n"
        }
        switch q.kind {
        case .order: out += "Give the item numbers in the right order (e.g. \(AnswerParser.exampleOrder(choices.count))).\n"
        case .number(_, _, let unit?, _): out += "Unit: \(unit).\n"
        default: break
        }
        return out
    }

    static func feedbackText(_ f: Feedback, item: QuizItem) -> String {
        var out = f.correct ? "right.\n" : "wrong. The answer: \(item.question.expectedAnswer(inline: PlainInline.text))\n"
        for note in f.notes {
            switch note.kind {
            case .picked: out += "You picked \"\(PlainInline.text(note.choice ?? ""))\": \(PlainInline.text(note.text))\n"
            case .missed: out += "You left out \"\(PlainInline.text(note.choice ?? ""))\": \(PlainInline.text(note.text))\n"
            case .general: out += PlainInline.text(note.text) + "\n"
            }
        }
        out += PlainInline.text(f.explain) + "\n"
        if let see = item.seeLink { out += "See: \(see)\n" }
        return out
    }
}
