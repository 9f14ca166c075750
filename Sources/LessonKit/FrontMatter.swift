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

    /// Where the YAML and the body are, as byte offsets into a lesson file.
    struct Bounds: Equatable {
        var yaml: Range<Int>
        var body: Int
        var bodyLineOffset: Int
    }

    /// Works on the UTF-8 bytes and stops at the closing fence: the body is the rest of the
    /// text as it is, so a lesson costs no per-character work here (this ran over every
    /// lesson at start-up). Lines end at a "\n" that does not follow a "\r", exactly where
    /// splitting the `String` by `Character` would cut ("\r\n" is one `Character`).
    public static func split(_ text: String) -> Split {
        var copy = text
        guard let bounds = copy.withUTF8({ self.bounds($0) }) else { return Split(yaml: nil, body: text, bodyLineOffset: 0) }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return Split(yaml: String(Substring(utf8[index(bounds.yaml.lowerBound)..<index(bounds.yaml.upperBound)])),
                     body: String(Substring(utf8[index(bounds.body)...])), bodyLineOffset: bounds.bodyLineOffset)
    }

    /// `split` of a file's bytes, each part decoded as UTF-8 on its own (invalid sequences
    /// become U+FFFD as in `decodeLessonText`; parts end at line feeds, so the text is the
    /// one of decoding the whole file first). The body is copied and checked once.
    public static func split(bytes: [UInt8]) -> Split {
        guard let bounds = bytes.withUnsafeBufferPointer({ self.bounds($0) }) else {
            return Split(yaml: nil, body: decodeLessonText(bytes), bodyLineOffset: 0)
        }
        return Split(yaml: String(decoding: bytes[bounds.yaml], as: UTF8.self),
                     body: String(decoding: bytes[bounds.body...], as: UTF8.self), bodyLineOffset: bounds.bodyLineOffset)
    }

    /// The front matter's place, or nil when the file does not start with a `---` line
    /// closed by a `---` or `...` line. Fence lines may carry a byte order mark in front
    /// and spaces, tabs or carriage returns after.
    static func bounds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bounds? {
        // Walks the bytes line by line only as far as the closing fence: splitting the
        // whole text into lines first cost a second on a 20 MB lesson.
        func isFence(_ start: Int, _ end: Int, dots: Bool) -> Bool {
            var a = start, b = end
            if b - a >= 3 && bytes[a] == 0xEF && bytes[a + 1] == 0xBB && bytes[a + 2] == 0xBF { a += 3 }
            while b > a, bytes[b - 1] == 0x0D || bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
            guard b - a == 3 else { return false }
            let c = bytes[a]
            return (c == UInt8(ascii: "-") || (dots && c == UInt8(ascii: "."))) && bytes[a + 1] == c && bytes[a + 2] == c
        }
        var lineStart = 0
        var lineNumber = 0
        var yamlStart = 0
        while lineStart <= bytes.count {
            let newline = bytes[lineStart...].firstIndex(of: 0x0A)
            let lineEnd = newline ?? bytes.count
            if lineNumber == 0 {
                guard isFence(lineStart, lineEnd, dots: false) else { return nil }
                yamlStart = newline.map { $0 + 1 } ?? bytes.count
            } else if isFence(lineStart, lineEnd, dots: true) {
                let yamlEnd = lineStart > yamlStart ? lineStart - 1 : yamlStart
                return Bounds(yaml: yamlStart..<yamlEnd, body: newline.map { $0 + 1 } ?? bytes.count, bodyLineOffset: lineNumber + 1)
            }
            guard let newline else { return nil }
            lineStart = newline + 1
            lineNumber += 1
        }
        return nil
    }

    /// Reads the fields; problems are reported with lines in the lesson file (line 1 is `---`).
    public static func parse(yaml: String, file: String) -> (LessonMeta?, [Diagnostic]) {
        func diag(_ line: Int, _ col: Int, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: line, column: col, message: message)
        }
        if let (line, column) = YAMLNesting.tooDeep(yaml) {
            return (nil, [diag(line + 1, column, "front matter: YAML nested more than \(YAMLNesting.limit) levels deep")])
        }
        let node: Node?
        do {
            // `Resolver.basic`: every value here is read by its text (`.scalar?.string`, `Int`/`Bool`
            // construction, `value(forPlainKey:)`), never by its resolved tag, and the default resolver
            // compiles seven ICU regular expressions on first use (13% of opening a lesson).
            // UTF-8 named: Yams's default encoding reads the whole environment on first use.
            node = try Yams.compose(yaml: yaml, Resolver.basic, Constructor.textOnly, .utf8)
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
            // Plain digits are read directly; Yams's integer construction (signs, underscores,
            // 0x, sexagesimal) goes through Foundation and was a fifth of opening a lesson.
            let text = value.scalar?.string ?? ""
            let plain = !text.isEmpty && text.utf8.count < 19 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            guard let n = plain ? Int(text) : value.int, n >= 0 else {
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

    /// A YAML error as a diagnostic at the line and column libyaml reports, `lineOffset` lines
    /// into the file. The reader stage (bad bytes, control characters) gives a byte offset
    /// rather than a mark, so it is turned into a line and column here.
    public static func yamlDiagnostic(_ error: YamlError, file: String, lineOffset: Int, prefix: String = "YAML") -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line + lineOffset, column: mark.column, message: "\(prefix): \(problem)")
        case .reader(let problem, let offset, let value, let yaml):
            let (line, column) = position(ofByte: offset ?? 0, in: yaml)
            let hex = String(value, radix: 16, uppercase: true)
            let what = value >= 0 ? " (U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ")" : ""
            return Diagnostic(file: file, line: line + lineOffset, column: column, message: "\(prefix): \(problem)\(what)")
        default:
            let first = "\(error)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "invalid YAML"
            return Diagnostic(file: file, line: 1 + lineOffset, column: 1, message: "\(prefix): \(first)")
        }
    }

    /// 1-based line and column (in Unicode scalars, as libyaml counts) of a byte offset.
    static func position(ofByte offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        let bytes = Array(text.utf8.prefix(max(0, offset)))
        for (i, b) in bytes.enumerated() where b == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = bytes[lineStart...].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }
}

public enum LessonID {
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
