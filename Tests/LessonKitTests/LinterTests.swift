import BundledCourse
import Testing
@testable import LessonKit

@Suite struct LinterTests {
    func lesson(_ id: String, _ body: String) -> (path: String, text: String) {
        ("L/\(id).md", "---\nid: \(id)\ntitle: T\nsummary: S\norder: 1\nminutes: 1\n---\n" + body)
    }

    @Test func brokenLinkIsReportedAtItsLineAndColumn() {
        let d = Linter().lint(files: [lesson("a", "# A\n\nSee [x](#nowhere).\n")])
        #expect(d.map(\.description) == ["L/a.md:10:9: error: link '#nowhere' does not resolve (no heading '#nowhere' in lesson 'a')"])
    }

    @Test func linksToOtherLessonsAndTheirHeadingsResolve() {
        let d = Linter().lint(files: [lesson("a", "[b](b.md) [h](b.md#here)\n"), lesson("b", "## Here\n[a](a.md)\n")])
        #expect(d.isEmpty)
    }

    @Test func linkToAMissingLessonIsAnError() {
        let d = Linter().lint(files: [lesson("a", "[b](zzz.md)\n")])
        #expect(d.first?.message == "link 'zzz.md' does not resolve (no lesson 'zzz')")
    }

    @Test func unknownDemoIsAnError() {
        let d = Linter().lint(files: [lesson("a", "```demo\nwarp-drive\n```\n")])
        #expect(d.first?.message.hasPrefix("unknown demo 'warp-drive'") == true)
        #expect(d.first?.line == 9)
    }

    @Test func duplicateIdsAndMismatchedFileNamesAreErrors() {
        let one = lesson("a", "x\n")
        let two = (path: "L/b.md", text: one.text)
        let d = Linter().lint(files: [one, two])
        #expect(d.contains { $0.message.hasPrefix("duplicate lesson id 'a'") })
    }

    @Test func theBundledCoursePassesLint() {
        let files = BundledCourse.files.map { (path: "Lessons/" + $0.name, text: $0.text) }
        #expect(!files.isEmpty)
        let d = Linter().lint(files: files)
        #expect(d.map(\.description) == [])
    }
}
