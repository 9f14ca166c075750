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

    /// A long body is parsed in two pieces, the rest only when something past the first is
    /// asked for; blocks, counts and quiz places are those of the whole parse.
    @Test(arguments: [512, 2_048, DocumentStream.firstPieceBytes])
    func aLongBodyIsParsedInTwoPiecesWithTheWholeParsesBlocks(firstPieceBytes: Int) {
        let course = Course(files: BundledCourse.files.map { (path: "Lessons/" + $0.name, text: $0.text) }, origin: "test")
        var cutSeen = 0
        for lesson in course.lessons {
            let whole = MarkdownParser.parse(lesson.body, lineOffset: lesson.bodyLineOffset)
            let expected = walked(whole)
            let stream = DocumentStream(lesson.body, lineOffset: lesson.bodyLineOffset, firstPieceBytes: firstPieceBytes)
            if stream.headingCountIfKnown == nil {
                cutSeen += 1
                #expect(stream.ensure(block: 0))
                #expect(stream.headingCountIfKnown == nil, "\(lesson.id): the first block does not need the rest")
                // Quizzes in the first piece have their place without the rest being parsed.
                for (i, line) in expected.quizLines.enumerated() where stream.headingCountIfKnown == nil {
                    #expect(stream.quizOrdinal(ofLine: line) == i, "\(lesson.id) quiz at \(line)")
                }
            }
            #expect(stream.headingCount == expected.headings, "\(lesson.id)")
            #expect(stream.quizLines == expected.quizLines, "\(lesson.id)")
            #expect(!stream.ensure(block: whole.blocks.count))
            #expect(stream.isComplete)
            #expect(stream.blocks == whole.blocks, "\(lesson.id)")
        }
        #expect(cutSeen >= course.lessons.count - 1, "most lessons are long enough to be cut: \(cutSeen)")
    }

    /// Converting through the first piece parses the rest on the way, with its own line numbers.
    @Test func convertingPastTheFirstPieceParsesTheRest() throws {
        let (lesson, _) = Lesson.read(text: Fixtures.long(sections: 60), path: "long.md")
        let body = try #require(lesson)
        let whole = body.document()
        let stream = DocumentStream(body.body, lineOffset: body.bodyLineOffset, firstPieceBytes: 1_024)
        #expect(stream.headingCountIfKnown == nil)
        #expect(stream.ensure(block: whole.blocks.count - 1))
        #expect(stream.headingCountIfKnown != nil)
        #expect(stream.blocks == whole.blocks)
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
