/// One lesson file: its front matter and its Markdown body (parsed on demand).
public struct Lesson: Sendable {
    public var meta: LessonMeta
    /// The file name or path used in diagnostics, e.g. `Lessons/tcp.md`.
    public var path: String
    public var body: String
    public var bodyLineOffset: Int

    public init(meta: LessonMeta, path: String, body: String, bodyLineOffset: Int) {
        self.meta = meta
        self.path = path
        self.body = body
        self.bodyLineOffset = bodyLineOffset
    }

    public var id: String { meta.id }

    /// Parses the body; line numbers in the result point into the lesson file.
    public func document() -> Document {
        MarkdownParser.parse(body, lineOffset: bodyLineOffset)
    }

    /// Parses the body and converts its blocks as they are asked for (the reader's way).
    public func documentStream() -> DocumentStream {
        DocumentStream(body, lineOffset: bodyLineOffset)
    }

    /// Reads a lesson file's text. Front matter problems come back as diagnostics.
    public static func read(text: String, path: String) -> (Lesson?, [Diagnostic]) {
        read(FrontMatter.split(text), opensFrontMatter: text.utf8.starts(with: "---\n".utf8) || text.utf8.starts(with: "---\r\n".utf8), path: path)
    }

    /// Reads a lesson file's bytes as `read(text: decodeLessonText(bytes))` does, without
    /// decoding and copying the whole file before the body is split from it.
    public static func read(bytes: [UInt8], path: String) -> (Lesson?, [Diagnostic]) {
        read(FrontMatter.split(bytes: bytes), opensFrontMatter: bytes.starts(with: "---\n".utf8) || bytes.starts(with: "---\r\n".utf8), path: path)
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
        let (meta, problems) = FrontMatter.parse(yaml: yaml, file: path)
        guard let meta else { return (nil, problems) }
        return (Lesson(meta: meta, path: path, body: split.body, bodyLineOffset: split.bodyLineOffset), problems)
    }
}

/// Decodes bytes as UTF-8, replacing invalid sequences with U+FFFD.
public func decodeLessonText(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}
