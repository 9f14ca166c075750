import LessonKit
import Yams

/// The questions of one quiz block, and what was wrong with it.
public struct QuizBlock: Sendable, Equatable {
    /// The questions that parsed cleanly; a question with an error is left out.
    public var questions: [Question]
    public var diagnostics: [Diagnostic]
}

/// Reads a quiz block's YAML into `Question`s (docs/LESSON_FORMAT.md, "Quiz blocks").
/// Uses Yams' `compose` rather than `Decodable` so every node keeps its line and column,
/// and errors point at the line in the lesson file.
public struct QuizParser {
    let file: String
    /// The file line of the opening fence (`Block.line`); YAML line 1 is the line after it.
    let blockLine: Int
    private(set) var diagnostics: [Diagnostic] = []

    static let commonKeys: Set<String> = ["id", "type", "prompt", "explain", "see"]
    static let typeKeys: [QuestionType: Set<String>] = [
        .single: ["options"], .multiple: ["options"], .truefalse: ["answer", "why"],
        .order: ["items", "why"], .text: ["answers", "why"], .number: ["answer", "tolerance", "unit", "why"],
    ]

    public static func parse(source: String, blockLine: Int, file: String) -> QuizBlock {
        var parser = QuizParser(file: file, blockLine: blockLine)
        let questions = parser.questions(source)
        return QuizBlock(questions: questions, diagnostics: parser.diagnostics)
    }

    // MARK: Positions and messages

    func position(_ node: Node?) -> (line: Int, column: Int) {
        guard let mark = node?.mark else { return (blockLine + 1, 1) }
        return (blockLine + mark.line, mark.column)
    }

    mutating func report(_ node: Node?, _ message: String, severity: Diagnostic.Severity = .error) {
        let (line, column) = position(node)
        diagnostics.append(Diagnostic(file: file, line: line, column: column, severity: severity, message: message))
    }

    // MARK: Block

    mutating func questions(_ source: String) -> [Question] {
        if let (line, column) = YAMLNesting.tooDeep(source) {
            diagnostics.append(Diagnostic(file: file, line: blockLine + line, column: column,
                                          message: "quiz: YAML nested more than \(YAMLNesting.limit) levels deep"))
            return []
        }
        let root: Node?
        do {
            // `Resolver.basic`: every value here is read by its text (`.scalar?.string`, `Int`/`Bool`
            // construction, `value(forPlainKey:)`), never by its resolved tag, and the default resolver
            // compiles seven ICU regular expressions on first use (13% of opening a lesson).
            // UTF-8 named: Yams's default encoding reads the whole environment on first use.
            root = try Yams.compose(yaml: source, Resolver.basic, Constructor.textOnly, .utf8)
        } catch let error as YamlError {
            diagnostics.append(yamlDiagnostic(error))
            return []
        } catch {
            report(nil, "quiz: YAML: \(error)")
            return []
        }
        guard let root, let items = root.sequence else {
            report(root, "quiz: the block must be a YAML list of questions (each item starts with '- id: ...')")
            return []
        }
        if items.isEmpty { report(root, "quiz: the block has no questions") }
        return items.compactMap { question($0) }
    }

    func yamlDiagnostic(_ error: YamlError) -> Diagnostic {
        FrontMatter.yamlDiagnostic(error, file: file, lineOffset: blockLine, prefix: "quiz: YAML")
    }

    // MARK: Question

    mutating func question(_ node: Node) -> Question? {
        guard let map = node.mapping else {
            report(node, "quiz: each question must be a mapping with id, type, prompt and explain")
            return nil
        }
        let before = diagnostics.filter { $0.severity == .error }.count
        let id = requiredText(map, "id", in: node)
        let label = id.map { "quiz '\($0)'" } ?? "quiz"
        if let id, !LessonID.isValid(id) {
            report(map.value(forPlainKey: "id"), "\(label): id must use only a-z, 0-9 and '-'")
        }
        let typeName = requiredText(map, "type", in: node, label: label)
        let prompt = requiredText(map, "prompt", in: node, label: label)
        let explain = requiredText(map, "explain", in: node, label: label)
        let see = optionalText(map, "see", label: label)
        var type: QuestionType?
        if let typeName {
            type = QuestionType(rawValue: typeName)
            if type == nil {
                let known = QuestionType.allCases.map(\.rawValue).joined(separator: ", ")
                report(map.value(forPlainKey: "type"), "\(label): unknown type '\(typeName)' (known: \(known))")
            }
        }
        if let type { warnUnknownKeys(map, allowed: Self.commonKeys.union(Self.typeKeys[type] ?? []), label: label) }
        let kind = type.flatMap { self.kind($0, map, node: node, label: label) }
        let after = diagnostics.filter { $0.severity == .error }.count
        guard after == before, let id, let prompt, let explain, let kind else { return nil }
        let (line, column) = position(node)
        return Question(id: id, prompt: prompt, explain: explain, see: see, kind: kind, line: line, column: column)
    }

    mutating func kind(_ type: QuestionType, _ map: Node.Mapping, node: Node, label: String) -> QuestionKind? {
        switch type {
        case .single, .multiple:
            guard let options = options(map, node: node, label: label) else { return nil }
            let correct = options.filter(\.correct).count
            if type == .single && correct != 1 {
                report(map.value(forPlainKey: "options"), "\(label): a 'single' question needs exactly one option with 'correct: true' (found \(correct))")
                return nil
            }
            if type == .multiple && correct == 0 {
                report(map.value(forPlainKey: "options"), "\(label): a 'multiple' question needs at least one option with 'correct: true'")
                return nil
            }
            return type == .single ? .single(options: options) : .multiple(options: options)
        case .truefalse:
            guard let answer = required(map, "answer", in: node, label: label) else { return nil }
            guard let value = answer.scalar.flatMap({ Bool.construct(from: $0) }) else {
                report(answer, "\(label): 'answer' of a 'truefalse' question must be true or false")
                return nil
            }
            return .trueFalse(answer: value, why: optionalText(map, "why", label: label))
        case .order:
            guard let items = textList(map, "items", in: node, label: label) else { return nil }
            if items.count < 3 {
                report(map.value(forPlainKey: "items"), "\(label): an 'order' question needs at least 3 items (found \(items.count))")
                return nil
            }
            if Set(items).count != items.count {
                report(map.value(forPlainKey: "items"), "\(label): the items of an 'order' question must all differ")
                return nil
            }
            return .order(items: items, why: optionalText(map, "why", label: label))
        case .text:
            guard let answers = textList(map, "answers", in: node, label: label) else { return nil }
            if answers.allSatisfy({ TextAnswer.normalize($0).isEmpty }) {
                report(map.value(forPlainKey: "answers"), "\(label): 'answers' needs at least one non-empty accepted answer")
                return nil
            }
            return .text(answers: answers, why: optionalText(map, "why", label: label))
        case .number:
            let answer = number(map, "answer", in: node, label: label)
            guard map.value(forPlainKey: "tolerance") != nil else {
                report(node, "\(label): a 'number' question needs 'tolerance:' (0 for an exact answer)")
                return nil
            }
            guard let tolerance = number(map, "tolerance", in: node, label: label), let answer else { return nil }
            if tolerance < 0 {
                report(map.value(forPlainKey: "tolerance"), "\(label): 'tolerance' must not be negative")
                return nil
            }
            return .number(answer: answer, tolerance: tolerance, unit: optionalText(map, "unit", label: label),
                           why: optionalText(map, "why", label: label))
        }
    }

    mutating func options(_ map: Node.Mapping, node: Node, label: String) -> [Option]? {
        guard let list = required(map, "options", in: node, label: label) else { return nil }
        guard let items = list.sequence, !items.isEmpty else {
            report(list, "\(label): 'options' must be a list of {text, correct?, why?}")
            return nil
        }
        var options: [Option] = []
        var ok = true
        for item in items {
            guard let option = item.mapping else {
                report(item, "\(label): each option must be a mapping with 'text' (and 'correct', 'why')")
                ok = false
                continue
            }
            warnUnknownKeys(option, allowed: ["text", "correct", "why"], label: label)
            guard let text = requiredText(option, "text", in: item, label: label) else { ok = false; continue }
            var correct = false
            if let flag = option.value(forPlainKey: "correct") {
                guard let value = flag.scalar.flatMap({ Bool.construct(from: $0) }) else {
                    report(flag, "\(label): 'correct' must be true or false")
                    ok = false
                    continue
                }
                correct = value
            }
            options.append(Option(text: text, correct: correct, why: optionalText(option, "why", label: label)))
        }
        if ok && options.count < 2 {
            report(list, "\(label): a choice question needs at least 2 options")
            return nil
        }
        return ok ? options : nil
    }

    // MARK: Fields

    mutating func required(_ map: Node.Mapping, _ key: String, in node: Node, label: String = "quiz") -> Node? {
        guard let value = map.value(forPlainKey: key) else {
            report(node, "\(label): missing '\(key)'")
            return nil
        }
        return value
    }

    mutating func requiredText(_ map: Node.Mapping, _ key: String, in node: Node, label: String = "quiz") -> String? {
        guard let value = required(map, key, in: node, label: label) else { return nil }
        guard let text = value.scalar?.string, !text.isEmpty else {
            report(value, "\(label): '\(key)' must be non-empty text")
            return nil
        }
        return text
    }

    mutating func optionalText(_ map: Node.Mapping, _ key: String, label: String) -> String? {
        guard let value = map.value(forPlainKey: key) else { return nil }
        guard let text = value.scalar?.string else {
            report(value, "\(label): '\(key)' must be text")
            return nil
        }
        return text.isEmpty ? nil : text
    }

    mutating func textList(_ map: Node.Mapping, _ key: String, in node: Node, label: String) -> [String]? {
        guard let value = required(map, key, in: node, label: label) else { return nil }
        guard let items = value.sequence else {
            report(value, "\(label): '\(key)' must be a list")
            return nil
        }
        var out: [String] = []
        for item in items {
            guard let text = item.scalar?.string else {
                report(item, "\(label): each entry of '\(key)' must be text")
                return nil
            }
            out.append(text)
        }
        return out
    }

    mutating func number(_ map: Node.Mapping, _ key: String, in node: Node, label: String) -> Double? {
        guard let value = required(map, key, in: node, label: label) else { return nil }
        guard let scalar = value.scalar, let n = Double.construct(from: scalar) ?? Int.construct(from: scalar).map(Double.init),
              n.isFinite else {
            report(value, "\(label): '\(key)' must be a number")
            return nil
        }
        return n
    }

    mutating func warnUnknownKeys(_ map: Node.Mapping, allowed: Set<String>, label: String) {
        for key in map.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            report(key, "\(label): unknown key '\(name)' (allowed here: \(allowed.sorted().joined(separator: ", ")))",
                  severity: .warning)
        }
    }
}
