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
        var copy = line
        if let spans = copy.withUTF8({ bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? highlightPrintableASCII(bytes) : nil
        }) {
            return spans
        }
        return highlightCharacters(line)
    }

    /// `highlightCharacters` for a line of printable ASCII, on its bytes: there every
    /// `Character` is one byte and its properties are the ASCII classes, so the spans are
    /// the same (tests compare the two), without building an array of `Character`s and
    /// asking Unicode about each (66,000 instructions for an 80-column line).
    mutating func highlightPrintableASCII(_ b: UnsafeBufferPointer<UInt8>) -> [Span] {
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || ((c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "f")) }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self) }
        let n = b.count
        var spans: [Span] = []
        var plainStart = -1, plainEnd = -1  // the pending plain text is b[plainStart..<plainEnd]
        var plainAllSpace = true
        func addPlain(_ range: Range<Int>) {
            if plainStart < 0 { plainStart = range.lowerBound }
            plainEnd = range.upperBound
            if plainAllSpace { plainAllSpace = b[range].allSatisfy { $0 == UInt8(ascii: " ") } }
        }
        func flush() {
            if plainStart >= 0 { spans.append(Span(text(plainStart..<plainEnd), Style(.code))) }
            plainStart = -1
            plainAllSpace = true
        }
        func emit(_ range: Range<Int>, _ role: ColorRole, _ attrs: TextAttributes = []) {
            flush()
            spans.append(Span(text(range), Style(role, attrs)))
        }
        var i = 0
        while i < n {
            let c = b[i]
            if inBlockComment {
                var j = i
                while j < n && !(b[j] == UInt8(ascii: "*") && j + 1 < n && b[j + 1] == UInt8(ascii: "/")) { j += 1 }
                if j < n { j += 2; inBlockComment = false }
                emit(i..<min(j, n), .comment, .italic)
                i = j
                continue
            }
            let lineComment = (language == .sh && c == UInt8(ascii: "#") && (i == 0 || b[i - 1] == UInt8(ascii: " ")))
                || (language != .sh && c == UInt8(ascii: "/") && i + 1 < n && b[i + 1] == UInt8(ascii: "/"))
            if lineComment || (language == .c && c == UInt8(ascii: "#") && plainAllSpace && spans.isEmpty) {
                emit(i..<n, lineComment ? .comment : .keyword, lineComment ? .italic : [])
                return spans
            }
            if language != .sh && c == UInt8(ascii: "/") && i + 1 < n && b[i + 1] == UInt8(ascii: "*") {
                inBlockComment = true
                continue
            }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                var j = i + 1
                while j < n && b[j] != c {
                    if b[j] == UInt8(ascii: "\\") { j += 1 }
                    j += 1
                }
                j = min(j + 1, n)
                emit(i..<j, .string)
                i = j
                continue
            }
            if language == .sh && c == UInt8(ascii: "$") && i + 1 < n
                && (isLetter(b[i + 1]) || b[i + 1] == UInt8(ascii: "{") || b[i + 1] == UInt8(ascii: "_")) {
                var j = i + 1
                while j < n && (isLetter(b[j]) || isDigit(b[j]) || b[j] == UInt8(ascii: "_") || b[j] == UInt8(ascii: "{") || b[j] == UInt8(ascii: "}")) { j += 1 }
                emit(i..<j, .type)
                i = j
                continue
            }
            if isDigit(c) && (i == 0 || !(isLetter(b[i - 1]) || b[i - 1] == UInt8(ascii: "_"))) {
                var j = i
                while j < n && (isHexDigit(b[j]) || b[j] == UInt8(ascii: "x") || b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: "_")) { j += 1 }
                emit(i..<max(j, i + 1), .number)
                i = max(j, i + 1)
                continue
            }
            if isLetter(c) || c == UInt8(ascii: "_") {
                var j = i
                while j < n && (isLetter(b[j]) || isDigit(b[j]) || b[j] == UInt8(ascii: "_")) { j += 1 }
                let word = Substring(text(i..<j))
                let isKeyword: Bool
                switch language {
                case .c: isKeyword = Self.cKeywords.contains(word)
                case .swift: isKeyword = Self.swiftKeywords.contains(word)
                case .sh: isKeyword = Self.shKeywords.contains(word) || (spans.isEmpty && plainAllSpace)
                case .http: isKeyword = false
                }
                if isKeyword {
                    emit(i..<j, .keyword, .bold)
                } else if language == .swift && c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") {
                    emit(i..<j, .type)
                } else {
                    addPlain(i..<j)
                }
                i = j
                continue
            }
            addPlain(i..<i + 1)
            i += 1
        }
        flush()
        return spans
    }

    /// The highlighter on `Character`s, for any line (the reference for the ASCII path).
    mutating func highlightCharacters(_ line: String) -> [Span] {
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
