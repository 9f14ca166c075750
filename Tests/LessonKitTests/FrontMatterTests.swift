import Testing
@testable import LessonKit

@Suite struct FrontMatterTests {
    @Test func readsAllFields() {
        let (lesson, problems) = Lesson.read(text: "---\nid: tcp\ntitle: TCP\nsummary: S\norder: 7\nminutes: 30\n---\n# Hi\n", path: "tcp.md")
        #expect(problems.isEmpty)
        #expect(lesson?.meta == LessonMeta(id: "tcp", title: "TCP", summary: "S", order: 7, minutes: 30))
        #expect(lesson?.bodyLineOffset == 7)
    }

    /// Field names are matched as Yams matches plain string keys: the last duplicate wins,
    /// `!!str` and `!` tags are strings, any other tag is not the field.
    @Test func fieldNamesMatchLikeYamsStringKeys() {
        let rest = "title: T\nsummary: S\norder: 1\nminutes: 2\n"
        let cases: [(String, String?)] = [
            ("id: a\nid: b\n", "b"),
            ("!!str id: c\n", "c"),
            ("! id: d\n", "d"),
            ("id: e\n!custom id: f\n", "e"),
            ("!custom id: g\n", nil),
            ("\"id\": h\n", "h"),
        ]
        for (head, id) in cases {
            let (meta, _) = FrontMatter.parse(yaml: head + rest, file: "x.md")
            #expect(meta?.id == id, "\(head.debugDescription)")
        }
    }

    @Test func missingFrontMatterIsAnErrorOnLineOne() {
        let (lesson, problems) = Lesson.read(text: "# no front matter\n", path: "x.md")
        #expect(lesson == nil)
        #expect(problems.map(\.description) == ["x.md:1:1: error: missing front matter: the file must start with a '---' line, the YAML fields, and a closing '---'"])
    }

    @Test func wrongTypeIsReportedAtTheValue() {
        let (_, problems) = Lesson.read(text: "---\nid: x\ntitle: T\nsummary: S\norder: seven\nminutes: 1\n---\n", path: "x.md")
        #expect(problems.map(\.description) == ["x.md:5:8: error: front matter: 'order' must be a whole number"])
    }

    @Test func yamlSyntaxErrorCarriesItsLine() {
        let (_, problems) = Lesson.read(text: "---\nid: x\ntitle: [unclosed\n---\n", path: "x.md")
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("x.md:") == true)
        #expect((problems.first?.line ?? 0) >= 3)
    }

    @Test func missingFieldsAreEachNamed() {
        let (_, problems) = Lesson.read(text: "---\nid: x\n---\n", path: "x.md")
        #expect(problems.map(\.message).sorted() == [
            "front matter: missing 'minutes'", "front matter: missing 'order'",
            "front matter: missing 'summary'", "front matter: missing 'title'",
        ])
    }
}

@Suite struct YAMLNestingTests {
    @Test func theShortcutAndTheScanAgreeAtTheLimit() {
        #expect(YAMLNesting.tooDeep("id: x\ntitle: \"A title\"\n") == nil)
        #expect(YAMLNesting.tooDeep("k: " + String(repeating: "[", count: 100)) == nil)
        let brackets = YAMLNesting.tooDeep("k: " + String(repeating: "[", count: 101))
        #expect(brackets?.line == 1 && brackets?.column == 104)
        let nested = (0..<60).map { String(repeating: " ", count: $0) + "- a" }.joined(separator: "\n")
        #expect(YAMLNesting.tooDeep(nested) == nil, "60 levels are fine")
        let dashes = YAMLNesting.tooDeep("x: 1\n" + String(repeating: "- ", count: 101) + "a")
        #expect(dashes?.line == 2 && dashes?.column == 201)
    }
}
