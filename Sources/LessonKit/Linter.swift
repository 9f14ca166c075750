/// Checks lesson files: front matter, unique ids, file names, links, reserved blocks.
/// Pure: takes the files' text, returns diagnostics pointing into them.
public struct Linter {
    /// Extra checks for quiz blocks (the quiz engine plugs its own in).
    public typealias QuizCheck = (_ source: String, _ blockLine: Int, _ file: String, _ resolve: (String) -> Bool) -> [Diagnostic]

    public static let knownDemos: Set<String> = ["tcp-state", "iomux"]

    public var quizCheck: QuizCheck?

    public init(quizCheck: QuizCheck? = nil) {
        self.quizCheck = quizCheck
    }

    /// `others` are lessons that links may point to without being linted themselves.
    public func lint(files: [(path: String, text: String)], others: [(path: String, text: String)] = []) -> [Diagnostic] {
        let course = Course(files: files + others, origin: "lint")
        var diagnostics = course.problems.filter { d in files.contains { $0.path == d.file } }
        var anchorsByLesson: [String: Set<String>] = [:]
        var documents: [String: Document] = [:]
        for lesson in course.lessons {
            let doc = lesson.document()
            documents[lesson.path] = doc
            anchorsByLesson[lesson.id] = Set(Linter.anchors(in: doc.blocks))
        }
        for file in files {
            guard let lesson = course.lessons.first(where: { $0.path == file.path }), let doc = documents[file.path] else { continue }
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let base = file.path.split(separator: "/").last.map(String.init) ?? file.path
            if base.hasSuffix(".md") && String(base.dropLast(3)) != lesson.id {
                diagnostics.append(Diagnostic(file: file.path, line: 2, column: 1,
                                              message: "id '\(lesson.id)' does not match the file name '\(base)' (expected '\(lesson.id).md')"))
            }
            let resolve: (String) -> Bool = { target in
                Linter.resolves(target, from: lesson.id, anchors: anchorsByLesson)
            }
            Linter.walk(doc.blocks) { block in
                switch block.kind {
                case .demo(let name):
                    if !Linter.knownDemos.contains(name) {
                        let shown = name.isEmpty ? "a demo block must name a demo" : "unknown demo '\(name)'"
                        diagnostics.append(Diagnostic(file: file.path, line: block.line + 1, column: 1,
                                                      message: "\(shown) (known: \(Linter.knownDemos.sorted().joined(separator: ", ")))"))
                    }
                case .quiz(let source):
                    if let quizCheck {
                        diagnostics += quizCheck(source, block.line, file.path, resolve)
                    }
                default:
                    break
                }
                for destination in Linter.links(in: block) where !LinkTarget.isExternal(destination) {
                    if !resolve(destination) {
                        let (line, col) = Linter.locate(destination, in: lines, from: block.line)
                        diagnostics.append(Diagnostic(file: file.path, line: line, column: col,
                                                      message: "link '\(destination)' does not resolve (\(Linter.whyUnresolved(destination, from: lesson.id, anchors: anchorsByLesson)))"))
                    }
                }
            }
        }
        return diagnostics
    }

    static func resolves(_ target: String, from lesson: String, anchors: [String: Set<String>]) -> Bool {
        let (id, anchor) = LinkTarget.split(target, from: lesson)
        guard let id, let known = anchors[id] else { return false }
        return anchor.map { known.contains($0) } ?? true
    }

    static func whyUnresolved(_ target: String, from lesson: String, anchors: [String: Set<String>]) -> String {
        let (id, anchor) = LinkTarget.split(target, from: lesson)
        guard let id else { return "not a lesson link: use 'other.md', 'other.md#heading' or '#heading'" }
        guard anchors[id] != nil else { return "no lesson '\(id)'" }
        return "no heading '#\(anchor ?? "")' in lesson '\(id)'"
    }

    public static func anchors(in blocks: [Block]) -> [String] {
        var out: [String] = []
        walk(blocks) { if case .heading(_, _, let a) = $0.kind { out.append(a) } }
        return out
    }

    /// Visits every block, depth first.
    public static func walk(_ blocks: [Block], _ visit: (Block) -> Void) {
        for b in blocks {
            visit(b)
            switch b.kind {
            case .blockQuote(let children): walk(children, visit)
            case .list(let list): for item in list.items { walk(item.blocks, visit) }
            default: break
            }
        }
    }

    static func links(in block: Block) -> [String] {
        var out: [String] = []
        func scan(_ inlines: [Inline]) {
            for i in inlines {
                switch i {
                case .link(let d, let c): out.append(d); scan(c)
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .image(_, let c): scan(c)
                default: break
                }
            }
        }
        switch block.kind {
        case .paragraph(let c), .heading(_, let c, _): scan(c)
        case .table(let t): (t.header + t.rows.flatMap { $0 }).forEach(scan)
        default: break
        }
        return out
    }

    /// Finds where a link destination is written, searching from the block's first line.
    static func locate(_ destination: String, in lines: [String], from line: Int) -> (Int, Int) {
        // cmark also ends lines at a lone CR, so its line numbers can run past the
        // '\n'-separated lines here (a crash found by fuzzing): then keep cmark's line.
        let start = max(0, line - 1)
        let end = min(lines.count, start + 500)
        guard start < end else { return (line, 1) }
        for i in start..<end {
            if let r = lines[i].range(of: "(" + destination) ?? lines[i].range(of: destination) {
                let col = lines[i][..<r.lowerBound].count + 1 + (lines[i][r].hasPrefix("(") ? 1 : 0)
                return (i + 1, col)
            }
        }
        return (line, 1)
    }
}

/// How lesson links are written: `#anchor`, `other.md`, `other.md#anchor`.
public enum LinkTarget {
    /// A link that leaves the course: shown with its URL, never fetched.
    public static func isExternal(_ destination: String) -> Bool {
        destination.contains("://") || destination.hasPrefix("mailto:")
    }

    /// Splits a link into (lesson id, anchor); the id is nil when the link is not a lesson link.
    public static func split(_ target: String, from lesson: String) -> (String?, String?) {
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = parts.first.map(String.init) ?? ""
        let anchor = parts.count > 1 ? String(parts[1]) : nil
        if file.isEmpty { return (lesson, anchor) }
        var name = file
        if name.hasPrefix("./") { name.removeFirst(2) }
        guard name.hasSuffix(".md"), !name.contains("/") else { return (nil, anchor) }
        return (String(name.dropLast(3)), anchor)
    }
}
