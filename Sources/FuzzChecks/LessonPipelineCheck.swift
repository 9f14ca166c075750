import LessonKit
import QuizKit
import Render
import TutorApp

/// The properties every input must keep on its way Markdown -> Document -> Layout ->
/// ScreenBuffer, and through the quiz parser. The fuzz targets trap on a broken one; the
/// regression test replays saved inputs through the same functions and expects none.
public enum LessonPipelineCheck {
    /// Front matter prepended to inputs that lack one, so the fuzzer reaches the body
    /// parser without first having to invent valid YAML.
    static let frontMatter = "---\nid: fuzz\ntitle: Fuzz\nsummary: s\norder: 1\nminutes: 1\n---\n"

    /// Runs one input through the whole reader path and returns what went wrong (empty: fine).
    /// The first byte picks the page size, so widths from 1 to 256 columns are all tried.
    public static func run(_ data: [UInt8]) -> [String] {
        guard let first = data.first else { return [] }
        let width = Int(first) + 1
        let height = Int(first % 40) + 1
        let text = decodeLessonText(Array(data.dropFirst()))
        var problems: [String] = []

        // The raw bytes as a Markdown body, laid out at the chosen width. The autolink
        // extension runs only when it could make a link: the tree must be the same as with it on.
        let document = MarkdownParser.parse(text)
        if document != MarkdownParser.parse(text, autolink: true) {
            problems.append("parsing without the autolink extension changed the tree")
        }
        let rendered = Layout.render(document, width: width)
        problems += checkLines(rendered, width: width)
        problems += checkCuts(text, document: document, width: width)

        // The same bytes as a lesson file, opened in the reader and drawn.
        let file = text.hasPrefix("---") ? text : frontMatter + text
        let course = Course(files: [("fuzz.md", file)], origin: "fuzz")
        _ = Linter(quizCheck: QuizLint.makeCheck()).lint(files: [("fuzz.md", file)])
        for lesson in course.lessons {
            // Laid out a screen at a time, then the rest, from a stream that parses the body in
            // two pieces (the second when it is needed): the lines of a whole layout.
            let stream = lesson.withBodyUTF8 { DocumentStream(utf8: $0, lineOffset: lesson.bodyLineOffset, firstPieceBytes: 128) }
            var partial = Reader(lessonID: lesson.id, title: "", source: stream, width: width, layOutThrough: height)
            partial.completeLayout()
            let whole = Reader(lessonID: lesson.id, title: "", document: lesson.document(), width: width)
            if partial.rendered.lines != whole.rendered.lines || partial.rendered.focusables != whole.rendered.focusables {
                problems.append("the reader's layout made as it goes differs from a whole layout")
            }
            var state = AppState(course: course, progress: LearnerProgress(), width: width, height: height)
            _ = state.open(lessonID: lesson.id)
            problems += checkBuffer(View.draw(state))
            for key in [Key.char("G"), .tab, .enter, .char("t"), .escape] {
                _ = state.update(.key(key))
                problems += checkBuffer(View.draw(state))
            }
            _ = state.update(.resize(width: max(1, width / 3), height: height + 3))
            problems += checkBuffer(View.draw(state))
        }
        return problems
    }

    /// `nettutor show` parses a large body as two pieces cut before a line that starts a
    /// top-level block. At every line (the first 24 after the first line), where the cut is
    /// taken the pieces must give the whole body's blocks (their first lines included) and
    /// its text as `show` prints it.
    static func checkCuts(_ text: String, document: Document, width: Int) -> [String] {
        var problems: [String] = []
        var wholeText: [UInt8] = []
        Layout.writeText(document, blocks: document.blocks.indices, width: width, ansi: false, into: &wholeText)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var tried = 0
        for index in lines.indices where index > 0 && tried < 24 {
            tried += 1
            guard let (first, second) = MarkdownParser.splitDocuments(text, atLine: index + 1) else { continue }
            let joined = first.blocks + second.blocks
            if joined.count != document.blocks.count || zip(joined, document.blocks).contains(where: { $0.line != $1.line }) {
                problems.append("cut before line \(index + 1): the pieces' blocks are not the whole body's")
            }
            var piecesText: [UInt8] = []
            Layout.writeText(first, blocks: first.blocks.indices, width: width, ansi: false, into: &piecesText)
            Layout.writeText(second, blocks: second.blocks.indices, width: width, ansi: false, afterOtherBlocks: !first.blocks.isEmpty, into: &piecesText)
            if piecesText != wholeText {
                problems.append("cut before line \(index + 1): the pieces' text differs from the whole body's")
            }
        }
        return problems
    }

    /// Parses the input as a quiz block; the parser must return (questions or diagnostics).
    public static func runQuiz(_ data: [UInt8]) -> [String] {
        let source = decodeLessonText(data)
        let block = QuizParser.parse(source: source, blockLine: 10, file: "fuzz.md")
        var problems: [String] = []
        for d in block.diagnostics where d.line < 10 || d.column < 1 {
            problems.append("diagnostic outside the block: \(d.description)")
        }
        return problems
    }

    /// What `nettutor show` prints, plain and with ANSI styles, must carry no control
    /// character but the styles' own SGR sequences.
    static func checkLines(_ rendered: RenderedDocument, width: Int) -> [String] {
        var problems: [String] = []
        for (i, line) in rendered.lines.enumerated() {
            if let at = TerminalBytes.firstForeignControl(Array(TextRenderer.plain(line).utf8), allowSGR: false) {
                problems.append("plain line \(i) carries a control byte at \(at)")
            }
            if let at = TerminalBytes.firstForeignControl(Array(TextRenderer.ansi(line).utf8), allowSGR: true) {
                problems.append("ANSI line \(i) carries a control byte at \(at)")
            }
        }
        return problems
    }

    static func checkBuffer(_ buffer: ScreenBuffer) -> [String] {
        var problems: [String] = []
        for row in 0..<buffer.height {
            var col = 0
            while col < buffer.width {
                let cell = buffer[row, col]
                if !Sanitizer.isClean(cell.text) {
                    problems.append("cell \(row),\(col) holds a control character")
                }
                if cell.width == 2 {
                    if col + 1 >= buffer.width || buffer[row, col + 1].width != 0 {
                        problems.append("wide cell \(row),\(col) without its continuation")
                    }
                    col += 2
                    continue
                }
                if cell.width == 0 { problems.append("orphan continuation cell at \(row),\(col)") }
                col += 1
            }
        }
        return problems
    }
}
