/// A small lexical highlighter for the languages lessons use: sh, c, swift, http.
/// It colours keywords, strings, comments and numbers; it does not parse.
public struct Highlighter: Sendable {
    public enum Language: Sendable { case sh, c, swift, http }

    public static func language(forInfo info: String) -> Language? {
        switch info.split(separator: " ").first.map({ $0.lowercased() }) ?? "" {
        case "sh", "bash", "shell", "console", "zsh": return .sh
        case "c", "h": return .c
        case "swift": return .swift
        case "http": return .http
        default: return nil
        }
    }

    let language: Language
    /// Inside a C-style block comment that started on an earlier line.
    var inBlockComment = false

    public init(_ language: Language) {
        self.language = language
    }

    static let cKeywords: Set<Substring> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "return", "short",
        "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
        "volatile", "while", "bool", "true", "false", "NULL", "size_t", "ssize_t", "uint8_t", "uint16_t",
        "uint32_t", "uint64_t", "int32_t", "int64_t",
    ]
    static let swiftKeywords: Set<Substring> = [
        "actor", "any", "as", "async", "await", "break", "case", "catch", "class", "continue", "default",
        "defer", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "for", "func",
        "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "mutating", "nil",
        "private", "protocol", "public", "repeat", "return", "self", "Self", "some", "static", "struct",
        "switch", "throw", "throws", "true", "try", "var", "where", "while",
    ]
    static let shKeywords: Set<Substring> = [
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "in",
        "function", "return", "export", "local", "sudo", "echo", "cd", "set",
    ]
    static let httpMethods: Set<Substring> = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "CONNECT", "TRACE"]

    /// Splits one source line into styled spans.
    public mutating func highlight(_ line: String) -> [Span] {
        if language == .http { return highlightHTTP(line) }
        var spans: [Span] = []
        let chars = Array(line)
        var i = 0
        var plain = ""
        func flush() {
            if !plain.isEmpty { spans.append(Span(plain, Style(.code))); plain = "" }
        }
        func emit(_ s: String, _ role: ColorRole, _ attrs: TextAttributes = []) {
            flush()
            spans.append(Span(s, Style(role, attrs)))
        }
        while i < chars.count {
            let c = chars[i]
            if inBlockComment {
                var j = i
                while j < chars.count && !(chars[j] == "*" && j + 1 < chars.count && chars[j + 1] == "/") { j += 1 }
                if j < chars.count { j += 2; inBlockComment = false }
                emit(String(chars[i..<min(j, chars.count)]), .comment, .italic)
                i = j
                continue
            }
            let lineComment = (language == .sh && c == "#" && (i == 0 || chars[i - 1] == " "))
                || (language != .sh && c == "/" && i + 1 < chars.count && chars[i + 1] == "/")
            if lineComment || (language == .c && c == "#" && plain.allSatisfy(\.isWhitespace) && spans.isEmpty) {
                emit(String(chars[i...]), lineComment ? .comment : .keyword, lineComment ? .italic : [])
                return spans
            }
            if language != .sh && c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                inBlockComment = true
                continue
            }
            if c == "\"" || c == "'" {
                var j = i + 1
                while j < chars.count && chars[j] != c {
                    if chars[j] == "\\" { j += 1 }
                    j += 1
                }
                j = min(j + 1, chars.count)
                emit(String(chars[i..<j]), .string)
                i = j
                continue
            }
            if language == .sh && c == "$" && i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1] == "{" || chars[i + 1] == "_") {
                var j = i + 1
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "{" || chars[j] == "}") { j += 1 }
                emit(String(chars[i..<j]), .type)
                i = j
                continue
            }
            if c.isNumber && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1] == "_")) {
                var j = i
                while j < chars.count && (chars[j].isHexDigit || chars[j] == "x" || chars[j] == "." || chars[j] == "_") { j += 1 }
                // A number that is not a hex digit ("²", "½", "٣") must still move on: without
                // this the loop never ended (a hang found by fuzzing).
                j = max(j, i + 1)
                emit(String(chars[i..<j]), .number)
                i = j
                continue
            }
            if c.isLetter || c == "_" {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                let word = String(chars[i..<j])
                let sub = Substring(word)
                let isKeyword: Bool
                switch language {
                case .c: isKeyword = Self.cKeywords.contains(sub)
                case .swift: isKeyword = Self.swiftKeywords.contains(sub)
                case .sh: isKeyword = Self.shKeywords.contains(sub) || (spans.isEmpty && plain.allSatisfy(\.isWhitespace))
                case .http: isKeyword = false
                }
                if isKeyword {
                    emit(word, .keyword, .bold)
                } else if language == .swift && c.isUppercase {
                    emit(word, .type)
                } else {
                    plain += word
                }
                i = j
                continue
            }
            plain.append(c)
            i += 1
        }
        flush()
        return spans
    }

    private func highlightHTTP(_ line: String) -> [Span] {
        let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        if let first = parts.first, Self.httpMethods.contains(first) || first.hasPrefix("HTTP/") {
            var spans = [Span(String(first), Style(.keyword, .bold))]
            if parts.count > 1 { spans.append(Span(" " + parts[1], Style(.string))) }
            return spans
        }
        if let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line[..<colon].contains(" ") {
            return [Span(String(line[..<colon]), Style(.type)), Span(String(line[colon...]), Style(.code))]
        }
        return line.isEmpty ? [] : [Span(line, Style(.code))]
    }
}
