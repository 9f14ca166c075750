import Yams

/// What a lesson says about itself in its YAML front matter.
public struct LessonMeta: Sendable, Equatable {
    public var id: String
    public var title: String
    public var summary: String
    public var order: Int
    public var minutes: Int

    public init(id: String, title: String, summary: String, order: Int, minutes: Int) {
        self.id = id
        self.title = title
        self.summary = summary
        self.order = order
        self.minutes = minutes
    }
}

/// Splits `---` front matter from the Markdown body and reads it with Yams.
public enum FrontMatter {
    public struct Split: Sendable {
        /// The YAML text between the fences, or nil when the file has no front matter.
        public var yaml: String?
        /// The Markdown after the closing fence.
        public var body: String
        /// Lines before the body, so body line 1 is file line `bodyLineOffset + 1`.
        public var bodyLineOffset: Int
    }

    public static func split(_ text: String) -> Split {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ s: Substring, _ fences: [String]) -> Bool {
            let trimmed = s.hasSuffix("\r") ? s.dropLast() : s
            return fences.contains { trimmed.trimmingSuffixSpaces == $0 }
        }
        var startsWithBOM = false
        if let first = lines.first, first.hasPrefix("\u{FEFF}") {
            lines[0] = first.dropFirst()
            startsWithBOM = true
        }
        _ = startsWithBOM
        guard let first = lines.first, isFence(first, ["---"]) else {
            return Split(yaml: nil, body: text, bodyLineOffset: 0)
        }
        guard let close = lines.dropFirst().firstIndex(where: { isFence($0, ["---", "..."]) }) else {
            return Split(yaml: nil, body: text, bodyLineOffset: 0)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return Split(yaml: yaml, body: body, bodyLineOffset: close + 1)
    }

    /// Reads the fields; problems are reported with lines in the lesson file (line 1 is `---`).
    public static func parse(yaml: String, file: String) -> (LessonMeta?, [Diagnostic]) {
        func diag(_ line: Int, _ col: Int, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: line, column: col, message: message)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return (nil, [yamlDiagnostic(error, file: file, lineOffset: 1)])
        } catch {
            return (nil, [diag(2, 1, "front matter: \(error)")])
        }
        guard let mapping = node?.mapping else {
            return (nil, [diag(2, 1, "front matter must be a YAML mapping with id, title, summary, order, minutes")])
        }
        var problems: [Diagnostic] = []
        func field(_ key: String) -> Node? {
            mapping[Node(key)]
        }
        func position(_ node: Node?) -> (Int, Int) {
            guard let mark = node?.mark else { return (2, 1) }
            return (mark.line + 1, mark.column)
        }
        func string(_ key: String) -> String? {
            guard let value = field(key) else {
                problems.append(diag(2, 1, "front matter: missing '\(key)'"))
                return nil
            }
            guard let s = value.scalar?.string, !s.isEmpty else {
                let (l, c) = position(value)
                problems.append(diag(l, c, "front matter: '\(key)' must be a non-empty string"))
                return nil
            }
            return s
        }
        func int(_ key: String) -> Int? {
            guard let value = field(key) else {
                problems.append(diag(2, 1, "front matter: missing '\(key)'"))
                return nil
            }
            guard let n = value.int, n >= 0 else {
                let (l, c) = position(value)
                problems.append(diag(l, c, "front matter: '\(key)' must be a whole number"))
                return nil
            }
            return n
        }
        let id = string("id"), title = string("title"), summary = string("summary")
        let order = int("order"), minutes = int("minutes")
        if let id, !LessonID.isValid(id) {
            let (l, c) = position(field("id"))
            problems.append(diag(l, c, "front matter: id '\(id)' must use only a-z, 0-9 and '-'"))
        }
        guard let id, let title, let summary, let order, let minutes, problems.isEmpty else {
            return (nil, problems)
        }
        return (LessonMeta(id: id, title: title, summary: summary, order: order, minutes: minutes), [])
    }

    static func yamlDiagnostic(_ error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line + lineOffset, column: mark.column, message: "YAML: \(problem)")
        case .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line + lineOffset, column: mark.column, message: "YAML: \(problem)")
        default:
            return Diagnostic(file: file, line: 1 + lineOffset, column: 1, message: "YAML: \(error)")
        }
    }
}

public enum LessonID {
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}

extension Substring {
    var trimmingSuffixSpaces: Substring {
        var s = self
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
