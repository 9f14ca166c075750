import BundledCourse
import Testing
import TestSupport
@testable import LessonKit

@Suite struct DocumentStreamTests {
    /// Headings and quiz fences found by walking converted blocks.
    func walked(_ document: Document) -> (headings: Int, quizLines: [Int], quizSources: [String]) {
        var headings = 0
        var quizzes: [Int] = []
        var sources: [String] = []
        Linter.walk(document.blocks) { block in
            if case .heading = block.kind { headings += 1 }
            if case .quiz(let source) = block.kind { quizzes.append(block.line); sources.append(source) }
        }
        return (headings, quizzes, sources)
    }

    static let nested: String = {
        // Past the nesting cap the converter flattens; a heading and a quiz deep inside
        // must still be counted.
        var s = "# Top\n\n"
        for depth in 0..<60 { s += String(repeating: "  ", count: depth) + "- item \(depth)\n" }
        s += String(repeating: "  ", count: 60) + "## Deep heading\n\n"
        s += String(repeating: ">", count: 50) + " quoted\n\n"
        s += "- a\n\n  ```quiz\n  - id: x\n  ```\n\n| t | u |\n|---|---|\n| # not a heading | 1 |\n\n    ```quiz\n    indented, not a fence\n"
        return s
    }()

    @Test func convertingOnDemandGivesTheBlocksOfAWholeParse() throws {
        let (lesson, _) = Lesson.read(text: Fixtures.long(sections: 30), path: "long.md")
        let body = try #require(lesson)
        let whole = body.document()
        let stream = body.documentStream()
        #expect(stream.blocks.isEmpty)
        #expect(!stream.isComplete)
        #expect(stream.ensure(block: 3))
        #expect(stream.blocks.count >= 4 && stream.blocks.count < whole.blocks.count)
        #expect(Array(whole.blocks.prefix(stream.blocks.count)) == stream.blocks)
        #expect(!stream.ensure(block: whole.blocks.count))
        #expect(stream.isComplete)
        #expect(stream.blocks == whole.blocks)
    }

    @Test func surveyCountsHeadingsAndQuizFencesWithoutConverting() {
        var sources = [("nested", Self.nested, 0), ("long", Fixtures.long(sections: 12), 7)]
        let course = Course(files: BundledCourse.files.map { (path: "Lessons/" + $0.name, text: $0.text) }, origin: "test")
        for lesson in course.lessons { sources.append((lesson.id, lesson.body, lesson.bodyLineOffset)) }
        for (name, text, offset) in sources {
            let stream = DocumentStream(text, lineOffset: offset)
            let expected = walked(MarkdownParser.parse(text, lineOffset: offset))
            #expect(stream.headingCount == expected.headings, "\(name)")
            #expect(stream.quizLines == expected.quizLines, "\(name)")
            #expect(stream.quizzes.map(\.source) == expected.quizSources, "\(name)")
            #expect(stream.blocks.isEmpty, "\(name): the survey converts nothing")
        }
    }

    @Test func aStreamOverConvertedBlocksIsComplete() {
        let document = MarkdownParser.parse(Self.nested)
        let stream = DocumentStream(document)
        #expect(stream.isComplete)
        #expect(stream.blocks == document.blocks)
        #expect(stream.headingCount == walked(document).headings)
        #expect(stream.quizLines.count == 1)
    }
}
