/// Reads one typed line as an answer to a question (the line runner, and the card's input
/// line for `text` and `number`). A line that does not fit the question gives back a
/// sentence saying what is expected, so the learner can try again.
public enum AnswerParser {
    /// - Parameter shown: for `order`, the item indices in the order they were listed
    ///   (the learner answers with those list numbers).
    public static func parse(_ line: String, for question: Question, shown: [Int]? = nil) -> Result<Answer, AnswerProblem> {
        let trimmed = line.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if trimmed.isEmpty { return .failure(AnswerProblem("Type an answer; an empty line does not count.")) }
        switch question.kind {
        case .single(let options):
            guard let numbers = numbers(trimmed, max: options.count), numbers.count == 1 else {
                return .failure(AnswerProblem("Answer with one option number, 1 to \(options.count)."))
            }
            return .success(.picks([numbers[0] - 1]))
        case .multiple(let options):
            guard let numbers = numbers(trimmed, max: options.count), Set(numbers).count == numbers.count else {
                return .failure(AnswerProblem("Answer with the numbers of every option you pick, 1 to \(options.count), separated by commas or spaces (e.g. 1,3)."))
            }
            return .success(.picks(Set(numbers.map { $0 - 1 })))
        case .trueFalse:
            switch trimmed.lowercased() {
            case "1", "t", "true", "y", "yes": return .success(.truth(true))
            case "2", "f", "false", "n", "no": return .success(.truth(false))
            default: return .failure(AnswerProblem("Answer 1 (true) or 2 (false)."))
            }
        case .order(let items, _):
            let listed = shown ?? Array(items.indices)
            guard let numbers = numbers(trimmed, max: items.count), numbers.sorted() == Array(1...items.count) else {
                return .failure(AnswerProblem("Give all \(items.count) item numbers once each, in the right order (e.g. \(exampleOrder(items.count)))."))
            }
            return .success(.order(numbers.map { listed[$0 - 1] }))
        case .text:
            return .success(.text(trimmed))
        case .number(_, _, let unit, _):
            guard let value = number(trimmed, unit: unit) else {
                return .failure(AnswerProblem("Answer with a number (e.g. 3 or 0.5)" + (unit.map { ", in \($0)." } ?? ".")))
            }
            return .success(.number(value))
        }
    }

    /// Option numbers separated by commas and/or spaces, each within 1...max.
    static func numbers(_ text: String, max: Int) -> [Int]? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " })
        guard !parts.isEmpty else { return nil }
        var out: [Int] = []
        for p in parts {
            guard let n = Int(p), n >= 1, n <= max else { return nil }
            out.append(n)
        }
        return out
    }

    /// A number, optionally followed by a word or two (the unit: `1 round trip`).
    static func number(_ text: String, unit: String?) -> Double? {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard let first = parts.first, let value = Double(first), value.isFinite else { return nil }
        if parts.count == 2 {
            guard parts[1].allSatisfy({ $0.isLetter || $0 == " " || $0 == "/" || $0 == "-" }) else { return nil }
        }
        return value
    }

    static func exampleOrder(_ n: Int) -> String {
        (1...max(1, n)).reversed().map(String.init).joined(separator: " ")
    }
}

/// Why a line was not taken as an answer, as a sentence to show.
public struct AnswerProblem: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
