import LessonKit

/// Checks one quiz block: everything `QuizParser` reports, plus ids already used earlier in
/// the lesson (`seenIDs`, updated) and `see` links that `resolveSee` does not accept.
/// Diagnostics carry lines in the lesson file: `blockLine` is the fence line (`Block.line`).
public func lintQuiz(source: String, blockLine: Int, file: String, seenIDs: inout [String: Int],
                     resolveSee: (String) -> Bool) -> [Diagnostic] {
    let block = QuizParser.parse(source: source, blockLine: blockLine, file: file)
    var out = block.diagnostics
    for q in block.questions {
        if let first = seenIDs[q.id] {
            out.append(Diagnostic(file: file, line: q.line, column: q.column,
                                  message: "quiz '\(q.id)': duplicate question id (first used on line \(first))"))
        } else {
            seenIDs[q.id] = q.line
        }
        if let see = q.see, !resolveSee(see) {
            out.append(Diagnostic(file: file, line: q.line, column: q.column,
                                  message: "quiz '\(q.id)': see link '\(see)' does not resolve to a heading (use '#anchor' or 'lesson.md#anchor')"))
        }
    }
    return out
}

/// Lints every quiz block of a parsed lesson, so duplicate ids are caught across blocks.
public func lintQuizzes(in document: Document, file: String, resolveSee: (String) -> Bool) -> [Diagnostic] {
    var seen: [String: Int] = [:]
    var out: [Diagnostic] = []
    for (source, line) in QuizBlocks.sources(in: document) {
        out += lintQuiz(source: source, blockLine: line, file: file, seenIDs: &seen, resolveSee: resolveSee)
    }
    return out
}

/// Finds quiz blocks in a document, including ones nested in lists or quotes.
public enum QuizBlocks {
    public static func sources(in document: Document) -> [(source: String, line: Int)] {
        var out: [(String, Int)] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .quiz(let source): out.append((source, block.line))
                case .blockQuote(let children): walk(children)
                case .list(let list): list.items.forEach { walk($0.blocks) }
                default: break
                }
            }
        }
        walk(document.blocks)
        return out
    }

    /// All valid questions of a lesson, in order; invalid ones are skipped (lint reports them).
    public static func questions(in document: Document, file: String = "") -> [Question] {
        sources(in: document).flatMap { QuizParser.parse(source: $0.source, blockLine: $0.line, file: file).questions }
    }

    /// Heading anchors of a document, for resolving `see` links and for the read share.
    public static func anchors(in document: Document) -> [String] {
        var out: [String] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .heading(_, _, let anchor): out.append(anchor)
                case .blockQuote(let children): walk(children)
                case .list(let list): list.items.forEach { walk($0.blocks) }
                default: break
                }
            }
        }
        walk(document.blocks)
        return out
    }
}

/// Resolves `see` links (`#anchor`, `other.md#anchor`, `other.md`) against the headings of
/// a set of lessons, keyed by lesson id.
public struct SeeLinkResolver: Sendable {
    public var anchors: [String: Set<String>]

    public init(anchors: [String: Set<String>]) {
        self.anchors = anchors
    }

    /// Parses every lesson of the course once.
    public init(course: Course) {
        var table: [String: Set<String>] = [:]
        for lesson in course.lessons { table[lesson.id] = Set(QuizBlocks.anchors(in: lesson.document())) }
        self.anchors = table
    }

    public func resolves(_ link: String, from lessonID: String) -> Bool {
        guard let target = SeeLink(link, from: lessonID), let headings = anchors[target.lesson] else { return false }
        return target.anchor.map { headings.contains($0) } ?? true
    }
}

/// A `see` link taken apart: which lesson, which anchor.
public struct SeeLink: Sendable, Equatable {
    public var lesson: String
    public var anchor: String?

    public init?(_ link: String, from lessonID: String) {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = String(parts[0])
        if file.isEmpty {
            lesson = lessonID
        } else {
            guard file.hasSuffix(".md") else { return nil }
            lesson = String(file.dropLast(3).split(separator: "/").last ?? "")
        }
        anchor = parts.count > 1 ? String(parts[1]) : nil
        if anchor?.isEmpty == true || (file.isEmpty && anchor == nil) { return nil }
    }

    /// How the link reads outside its lesson: `tcp.md#time-wait`.
    public var absolute: String {
        lesson + ".md" + (anchor.map { "#" + $0 } ?? "")
    }
}

/// Plugs quiz checks into a per-block lint hook of the shape
/// `(source, blockLine, file, resolve) -> [Diagnostic]` (LessonKit's `Linter.QuizCheck`).
public enum QuizLint {
    /// A check that remembers ids per file across calls, so duplicates in different quiz
    /// blocks of one lesson are caught. Use one per lint run.
    public static func makeCheck() -> (String, Int, String, (String) -> Bool) -> [Diagnostic] {
        final class SeenIDs {
            var byFile: [String: [String: Int]] = [:]
        }
        let seen = SeenIDs()
        return { source, blockLine, file, resolve in
            var ids = seen.byFile[file] ?? [:]
            defer { seen.byFile[file] = ids }
            return lintQuiz(source: source, blockLine: blockLine, file: file, seenIDs: &ids, resolveSee: resolve)
        }
    }
}
