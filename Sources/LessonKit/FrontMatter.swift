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

    /// Works on the UTF-8 bytes and stops at the closing fence: the body is the rest of the
    /// text as it is, so a lesson costs no per-character work here (this ran over every
    /// lesson at start-up). Lines end at a "\n" that does not follow a "\r", exactly where
    /// splitting the `String` by `Character` would cut ("\r\n" is one `Character`).
    public static func split(_ text: String) -> Split {
        let utf8 = text.utf8
        let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        /// The end of the line starting at `start` (its "\n", or the end of the text).
        func lineEnd(from start: String.Index) -> String.Index {
            var i = start
            var previous: UInt8 = 0
            while i < utf8.endIndex {
                let b = utf8[i]
                if b == newline && previous != cr { return i }
                previous = b
                i = utf8.index(after: i)
            }
            return i
        }
        func isFence(_ start: String.Index, _ end: String.Index, allowDots: Bool) -> Bool {
            var line = utf8[start..<end]
            if line.last == cr { line = line.dropLast() }
            while let l = line.last, l == UInt8(ascii: " ") || l == UInt8(ascii: "\t") { line = line.dropLast() }
            return line.elementsEqual("---".utf8) || (allowDots && line.elementsEqual("...".utf8))
        }
        var firstStart = utf8.startIndex
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if utf8.starts(with: bom) { firstStart = utf8.index(firstStart, offsetBy: 3) }
        let firstEnd = lineEnd(from: utf8.startIndex)
        guard isFence(firstStart, firstEnd, allowDots: false), firstEnd < utf8.endIndex else {
            return Split(yaml: nil, body: text, bodyLineOffset: 0)
        }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart
        var lineNumber = 1
        while true {
            let end = lineEnd(from: lineStart)
            if isFence(lineStart, end, allowDots: true) {
                let yamlEnd = lineStart == yamlStart ? yamlStart : utf8.index(before: lineStart)
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return Split(yaml: String(Substring(utf8[yamlStart..<yamlEnd])), body: String(Substring(utf8[bodyStart...])),
                             bodyLineOffset: lineNumber + 1)
            }
            guard end < utf8.endIndex else { return Split(yaml: nil, body: text, bodyLineOffset: 0) }
            lineStart = utf8.index(after: end)
            lineNumber += 1
        }
    }

    /// Reads the fields; problems are reported with lines in the lesson file (line 1 is `---`).
    public static func parse(yaml: String, file: String) -> (LessonMeta?, [Diagnostic]) {
        func diag(_ line: Int, _ col: Int, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: line, column: col, message: message)
        }
        let node: Node?
        do {
            // `Resolver.basic`: every value here is read by its text (`.scalar?.string`, `Int`/`Bool`
            // construction, `value(forPlainKey:)`), never by its resolved tag, and the default resolver
            // compiles seven ICU regular expressions on first use (13% of opening a lesson).
            node = try Yams.compose(yaml: yaml, Resolver.basic)
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
            mapping.value(forPlainKey: key)
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
