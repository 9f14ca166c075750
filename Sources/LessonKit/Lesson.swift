/// One lesson file: its front matter and its Markdown body (parsed on demand).
public struct Lesson: Sendable {
    public var meta: LessonMeta
    /// The file name or path used in diagnostics, e.g. `Lessons/tcp.md`.
    public var path: String
    /// The Markdown after the front matter.
    public var body: String {
        get {
            switch storage {
            case .text(let text): return text
            case .utf8(let bytes, let start): return String(decoding: bytes[start...], as: UTF8.self)
            }
        }
        set { storage = .text(newValue) }
    }
    public var bodyLineOffset: Int
    private var storage: Body

    /// A body as text, or as the bytes of the file it was read from: a lesson read from
    /// disk becomes a `String` only if something asks for one (`show` and the reader parse
    /// the bytes), since making it one costs a second check of every byte.
    private enum Body: Sendable {
        case text(String)
        /// The file's bytes from `start` on, checked to be valid UTF-8.
        case utf8([UInt8], start: Int)
    }

    public init(meta: LessonMeta, path: String, body: String, bodyLineOffset: Int) {
        self.meta = meta
        self.path = path
        self.storage = .text(body)
        self.bodyLineOffset = bodyLineOffset
    }

    /// `bytes[start...]` must be valid UTF-8.
    private init(meta: LessonMeta, path: String, validUTF8 bytes: [UInt8], from start: Int, bodyLineOffset: Int) {
        self.meta = meta
        self.path = path
        self.storage = .utf8(bytes, start: start)
        self.bodyLineOffset = bodyLineOffset
    }

    public var id: String { meta.id }

    /// The body's UTF-8, without making a `String` of it.
    public func withBodyUTF8<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        switch storage {
        case .text(var text): return try text.withUTF8(body)
        case .utf8(let bytes, let start): return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start...])) }
        }
    }

    /// The body's size in bytes of UTF-8.
    public var bodyByteCount: Int {
        switch storage {
        case .text(let text): return text.utf8.count
        case .utf8(let bytes, let start): return bytes.count - start
        }
    }

    /// Parses the body; line numbers in the result point into the lesson file.
    public func document() -> Document {
        withBodyUTF8 { MarkdownParser.parse(utf8: $0, lineOffset: bodyLineOffset) }
    }

    /// Parses the body and converts its blocks as they are asked for (the reader's way).
    public func documentStream() -> DocumentStream {
        withBodyUTF8 { DocumentStream(utf8: $0, lineOffset: bodyLineOffset) }
    }

    /// Reads a lesson file's text. Front matter problems come back as diagnostics.
    public static func read(text: String, path: String) -> (Lesson?, [Diagnostic]) {
        read(FrontMatter.split(text), opensFrontMatter: opensFrontMatter(text.utf8), path: path)
    }

    /// Reads a lesson file's bytes as `read(text: decodeLessonText(bytes))` does, without
    /// decoding and copying the whole file: the body stays in `bytes` when it is valid UTF-8.
    public static func read(bytes: [UInt8], path: String) -> (Lesson?, [Diagnostic]) {
        let opens = opensFrontMatter(bytes)
        guard let bounds = bytes.withUnsafeBufferPointer({ FrontMatter.bounds($0) }),
              bytes.withUnsafeBufferPointer({ isValidUTF8(UnsafeBufferPointer(rebasing: $0[bounds.body...])) }) else {
            return read(FrontMatter.split(bytes: bytes), opensFrontMatter: opens, path: path)
        }
        let yaml = String(decoding: bytes[bounds.yaml], as: UTF8.self)
        return read(yaml: yaml, path: path) { meta in
            Lesson(meta: meta, path: path, validUTF8: bytes, from: bounds.body, bodyLineOffset: bounds.bodyLineOffset)
        }
    }

    /// The file starts with a `---` line (so a missing closing fence is the problem to name).
    private static func opensFrontMatter(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.starts(with: "---\n".utf8) || bytes.starts(with: "---\r\n".utf8)
    }

    private static func read(_ split: FrontMatter.Split, opensFrontMatter: Bool, path: String) -> (Lesson?, [Diagnostic]) {
        guard let yaml = split.yaml else {
            if opensFrontMatter {
                return (nil, [Diagnostic(file: path, line: 1, column: 1,
                                         message: "front matter is not closed: add a '---' line after the YAML fields")])
            }
            return (nil, [Diagnostic(file: path, line: 1, column: 1,
                                     message: "missing front matter: the file must start with a '---' line, the YAML fields, and a closing '---'")])
        }
        return read(yaml: yaml, path: path) { Lesson(meta: $0, path: path, body: split.body, bodyLineOffset: split.bodyLineOffset) }
    }

    private static func read(yaml: String, path: String, lesson: (LessonMeta) -> Lesson) -> (Lesson?, [Diagnostic]) {
        let (meta, problems) = FrontMatter.parse(yaml: yaml, file: path)
        guard let meta else { return (nil, problems) }
        return (lesson(meta), problems)
    }
}

/// Decodes bytes as UTF-8, replacing invalid sequences with U+FFFD.
public func decodeLessonText(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}
