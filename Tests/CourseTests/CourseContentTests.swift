import BundledCourse
import LessonKit
import QuizKit
import Render
import Testing

/// The course issue's numbers, checked on the lessons as built into the binary.
@Suite struct CourseContentTests {
    static let course = Course(files: BundledCourse.files.map { (path: "Lessons/" + $0.name, text: $0.text) }, origin: "test")
    static let order = ["scaling", "load-balancing", "message-queues", "serverless", "http", "dns", "tcp", "io-multiplexing", "interrupts"]
    static let long: Set<String> = ["scaling", "http", "dns", "tcp", "io-multiplexing", "interrupts"]

    static func lesson(_ id: String) -> (Lesson, Document) {
        let l = course.lesson(id: id)!
        return (l, l.document())
    }

    /// Words of prose: everything outside code, diagram, quiz and demo blocks.
    static func proseWords(_ blocks: [Block]) -> Int {
        var words = 0
        func count(_ inlines: [Inline]) { words += inlines.plainText.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        for b in blocks {
            switch b.kind {
            case .paragraph(let c), .heading(_, let c, _): count(c)
            case .blockQuote(let inner): words += proseWords(inner)
            case .list(let list): for item in list.items { words += proseWords(item.blocks) }
            case .table(let t): (t.header + t.rows.flatMap { $0 }).forEach(count)
            default: break
            }
        }
        return words
    }

    static func diagrams(_ doc: Document) -> [String] {
        var out: [String] = []
        Linter.walk(doc.blocks) { if case .codeBlock(let info, let text) = $0.kind, info == "text" { out.append(text) } }
        return out
    }

    @Test func theCourseHasItsNineLessonsInOrder() {
        #expect(Self.course.lessons.map(\.id) == Self.order)
        #expect(Self.course.lessons.map(\.meta.order) == Array(1...9))
        #expect(Self.course.problems.isEmpty)
    }

    @Test(arguments: order)
    func lessonIsLongEnough(id: String) {
        let (_, doc) = Self.lesson(id)
        let words = Self.proseWords(doc.blocks)
        #expect(words >= (Self.long.contains(id) ? 1800 : 1200), "\(id): \(words) words")
    }

    @Test(arguments: order)
    func lessonHasTwoDiagramsThatFitSeventySixColumns(id: String) {
        let diagrams = Self.diagrams(Self.lesson(id).1)
        #expect(diagrams.count >= 2, "\(id): \(diagrams.count) diagrams")
        for d in diagrams {
            for line in d.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= 76, "\(id): diagram line too wide: \(line)")
            }
        }
    }

    @Test(arguments: order)
    func lessonHasTenQuestionsOfThreeTypesWithExplanations(id: String) {
        let (_, doc) = Self.lesson(id)
        let questions = QuizBlocks.questions(in: doc, file: id)
        #expect(questions.count >= 10, "\(id): \(questions.count) questions")
        #expect(Set(questions.map(\.type)).count >= 3, "\(id): types \(Set(questions.map(\.type)))")
        for q in questions {
            #expect(!q.explain.isEmpty, "\(id)/\(q.id) has no explanation")
            switch q.kind {
            case .single(let options), .multiple(let options):
                for o in options where !o.correct {
                    #expect(!(o.why ?? "").isEmpty, "\(id)/\(q.id): wrong option '\(o.text)' has no why")
                }
            case .trueFalse(_, let why):
                #expect(!(why ?? "").isEmpty, "\(id)/\(q.id): true/false without why")
            default:
                break
            }
        }
    }

    @Test(arguments: order)
    func lessonOpensWithObjectivesAndEndsWithTakeaways(id: String) {
        let headings = Linter.anchors(in: Self.lesson(id).1.blocks)
        #expect(headings.first == "what-you-will-learn")
        #expect(headings.contains("key-takeaways"))
    }

    @Test func demoLessonsEmbedTheirDemos() {
        func demos(_ id: String) -> [String] {
            var out: [String] = []
            Linter.walk(Self.lesson(id).1.blocks) { if case .demo(let n) = $0.kind { out.append(n) } }
            return out
        }
        #expect(demos("tcp").contains("tcp-state"))
        #expect(demos("io-multiplexing").contains("iomux"))
    }

    @Test func theWholeCourseLintsClean() {
        let files = BundledCourse.files.map { (path: "Lessons/" + $0.name, text: $0.text) }
        let diagnostics = Linter(quizCheck: QuizLint.makeCheck()).lint(files: files)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [])
    }
}
