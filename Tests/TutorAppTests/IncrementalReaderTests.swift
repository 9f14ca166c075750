import LessonKit
import QuizKit
import Render
import Testing
import TestSupport
@testable import TutorApp

/// The reader lays out the first screen when a lesson opens and the rest while no key is
/// waiting (`Event.idle`); whatever needs the whole lesson lays it out first. Every key must
/// end where it would have ended with the whole lesson laid out from the start.
@Suite struct IncrementalReaderTests {
    static let sections = 60

    func app(width: Int = 70, height: Int = 20) -> AppState {
        let course = Course(files: [("long.md", Fixtures.long(sections: Self.sections)), ("sample.md", Fixtures.sample)], origin: "t")
        var s = AppState(course: course, progress: LearnerProgress(), width: width, height: height)
        s.now = 1_000_000
        return s
    }

    func opened(width: Int = 70, height: Int = 20) -> AppState {
        var s = app(width: width, height: height)
        let ok = s.open(lessonID: "long")
        #expect(ok)
        return s
    }

    /// The same lesson laid out whole from the start.
    func whole(width: Int = 70) -> Reader {
        let lesson = app().course.lesson(id: "long")!
        return Reader(lessonID: "long", title: lesson.meta.title, document: lesson.document(), width: width)
    }

    @Test func openingLaysOutTheFirstScreenOnlyAndIdleStepsFinishIt() {
        var s = opened()
        let r = s.reader!
        #expect(!r.isLaidOut)
        #expect(s.hasDeferredWork)
        #expect(r.lineCount > s.viewHeight && r.lineCount < whole().lineCount / 4)
        #expect(r.source.blocks.count < 40, "only the blocks laid out are converted")
        let status = View.draw(s).text().split(separator: "\n").last.map(String.init) ?? ""
        #expect(status.contains("0%  \(s.viewHeight)/…"), "\(status)")
        var steps = 0
        while s.hasDeferredWork && steps < 1_000 {
            _ = s.update(.idle)
            steps += 1
        }
        #expect(steps > 1, "the rest takes several steps")
        let done = s.reader!
        #expect(done.isLaidOut)
        #expect(done.rendered.lines == whole().rendered.lines)
        #expect(done.rendered.headings == whole().rendered.headings)
        #expect(done.rendered.focusables == whole().rendered.focusables)
        #expect(done.headingCount == done.rendered.headings.count)
        let after = View.draw(s).text().split(separator: "\n").last.map(String.init) ?? ""
        #expect(after.contains("0%  \(s.viewHeight)/\(whole().lineCount)"), "\(after)")
    }

    @Test func idleStepsSaveProgressAsTicksWould() {
        var s = opened()
        _ = s.update(.key(.char(" ")))
        s.lastSave = s.now
        s.now += 1
        #expect(s.update(.idle).isEmpty, "less than two seconds since the last save")
        s.now += 2
        #expect(s.update(.idle).contains { if case .saveProgress = $0 { return true } else { return false } })
    }

    @Test func capitalGLaysOutTheRestAndGoesToTheLastPage() {
        var s = opened()
        _ = s.update(.key(.char("G")))
        #expect(s.reader!.isLaidOut)
        #expect(s.reader!.top == whole().maxTop(viewHeight: s.viewHeight))
        #expect(View.draw(s).text().contains("100%"))
    }

    @Test func aJumpFarPastTheEndStopsAtTheLastPage() {
        var s = opened()
        s.reader!.jump(toLine: .max, viewHeight: s.viewHeight)
        #expect(s.reader!.isLaidOut)
        #expect(s.reader!.top == whole().maxTop(viewHeight: s.viewHeight))
    }

    @Test func pagingDownLaysOutJustAheadOfTheScreen() {
        var s = opened()
        for _ in 0..<5 { _ = s.update(.key(.char(" "))) }
        let r = s.reader!
        #expect(r.top == 5 * (s.viewHeight - 1))
        #expect(r.lineCount > r.top + s.viewHeight)
        #expect(!r.isLaidOut)
        let page = r.top..<(r.top + s.viewHeight)
        #expect(Array(r.rendered.lines[page]) == Array(whole().rendered.lines[page]))
    }

    @Test func searchFindsMatchesBeyondWhatIsLaidOut() {
        var s = opened()
        _ = s.update(.key(.char("/")))
        for c in "needle\(Self.sections - 2)" { _ = s.update(.key(.char(c))) }
        _ = s.update(.key(.enter))
        let r = s.reader!
        #expect(r.search?.matches.count == 1)
        #expect(s.message == "Match 1 of 1")
        let line = r.search!.matches[0].line
        #expect(whole().rendered.lines[line].text.contains("needle\(Self.sections - 2)"))
        #expect(line >= r.top && line < r.top + s.viewHeight)
    }

    @Test func theContentsListEveryHeadingAtOnce() {
        var s = opened()
        _ = s.update(.key(.char("t")))
        _ = s.update(.key(.char("G")))
        _ = s.update(.key(.enter))
        let last = whole().rendered.headings.last!
        #expect(s.reader!.top == min(last.line, whole().maxTop(viewHeight: s.viewHeight)))
    }

    @Test func aLinkToAHeadingFarAheadLaysOutUpToItOnly() throws {
        var s = app()
        let ok = s.open(lessonID: "long", anchor: "section-30")
        #expect(ok)
        let r = try #require(s.reader)
        let line = try #require(whole().rendered.anchors["section-30"])
        #expect(r.top == line)
        #expect(!r.isLaidOut)
        #expect(View.draw(s).text().contains("Section 30"))
    }

    @Test func resizingHalfWayKeepsTheTextAtTheTop() {
        var s = opened()
        for _ in 0..<4 { _ = s.update(.key(.char(" "))) }
        let block = s.reader!.rendered.lines[s.reader!.top].block
        _ = s.update(.resize(width: 40, height: 20))
        let r = s.reader!
        #expect(r.rendered.width == 40)
        #expect(r.rendered.lines[r.top].block == block)
        #expect(!r.isLaidOut, "a resize does not lay out the whole lesson either")
    }

    @Test func aResizeLaysOutOnlyTheScreenAgainEvenAfterEverythingWasLaidOut() {
        var s = opened()
        while s.hasDeferredWork { _ = s.update(.idle) }
        _ = s.update(.resize(width: 50, height: 20))
        #expect(!s.reader!.isLaidOut, "a resize storm on a long lesson must not lay it all out each time")
        while s.hasDeferredWork { _ = s.update(.idle) }
        #expect(s.reader!.rendered.lines == whole(width: 50).rendered.lines)
    }

    @Test func tabFindsTheNextLinkEvenPastWhatIsLaidOut() {
        var s = opened(height: 8)
        var seen = 0
        var last = -1
        for _ in 0..<40 {
            _ = s.update(.key(.tab))
            guard let f = s.reader?.focus else { break }
            #expect(f > last || f == last, "focus moves forward")
            if f > last { seen += 1 }
            last = f
        }
        #expect(seen >= 30)
        #expect(s.reader!.rendered.focusables[last] == whole().rendered.focusables[last])
    }

    /// The app with one lesson file (`id` and a front matter, then `body`) open.
    func opened(_ id: String, body: String, width: Int = 60, height: Int = 20) -> AppState {
        let text = "---\nid: \(id)\ntitle: \(id)\nsummary: s\norder: 1\nminutes: 1\n---\n" + body
        var s = AppState(course: Course(files: [("\(id).md", text)], origin: "t"), progress: LearnerProgress(), width: width, height: height)
        _ = s.open(lessonID: id)
        return s
    }

    @Test func tabCrossesAStretchWithoutLinksThatIsNotLaidOutYet() {
        var body = "[first](#far)\n\n"
        for i in 0..<300 { body += "Paragraph \(i) with no link.\n\n" }
        body += "[last](#far)\n"
        var s = opened("far", body: body)
        _ = s.update(.key(.tab))
        #expect(s.reader?.focus == 0)
        _ = s.update(.key(.tab))
        #expect(s.reader?.focus == 1, "the second link, 600 lines further, not yet laid out when Tab was pressed")
        #expect(View.draw(s).text().contains("last"))
    }

    @Test func answeringTheFirstQuizScoresItAgainstEveryQuestionOfTheLesson() throws {
        var s = opened(height: 40)
        #expect(!s.reader!.isLaidOut)
        // Tab to the first card (the first section's links come before it).
        for _ in 0..<10 where s.reader?.focusedQuizLine == nil { _ = s.update(.key(.tab)) }
        #expect(s.reader?.focusedQuizLine != nil)
        _ = s.update(.key(.char("2")))
        let effects = s.update(.key(.enter))
        #expect(effects.contains { if case .saveProgress = $0 { return true } else { return false } })
        let score = try #require(s.progress.lessons["long"]?.lastScore)
        #expect(score.total == 2, "both quiz blocks count, laid out or not")
        #expect(score.right == 1)
        // Only the card's block was laid out again; what follows moved by its change in height.
        let r = s.reader!
        let f = try #require(r.focus)
        let card = r.rendered.focusables[f], before = whole().rendered.focusables[f]
        let delta = (card.lastLine - card.firstLine) - (before.lastLine - before.firstLine)
        #expect(delta != 0, "the answered card shows its verdict")
        #expect(r.rendered.anchors["section-1"] == whole().rendered.anchors["section-1"].map { $0 + delta })
        #expect(!r.isLaidOut)
        #expect(!r.source.isComplete, "the score needs the quizzes' YAML, not the whole lesson converted")
    }

    @Test func searchMatchesMoveWithACardThatChangesHeight() throws {
        var s = opened(height: 40)
        _ = s.update(.key(.char("/")))
        for c in "needle1" { _ = s.update(.key(.char(c))) }
        _ = s.update(.key(.enter))
        _ = s.update(.key(.char("g")))
        for _ in 0..<10 where s.reader?.focusedQuizLine == nil { _ = s.update(.key(.tab)) }
        let before = try #require(s.reader?.search?.matches)
        let f = try #require(s.reader?.focus)
        let cardBefore = s.reader!.rendered.focusables[f]
        _ = s.update(.key(.char("2")))
        _ = s.update(.key(.enter))
        let card = s.reader!.rendered.focusables[f]
        let delta = (card.lastLine - card.firstLine) - (cardBefore.lastLine - cardBefore.firstLine)
        #expect(delta != 0)
        let after = try #require(s.reader?.search?.matches)
        #expect(after.map(\.line) == before.map { $0.line > card.lastLine ? $0.line + delta : $0.line })
        for m in after { #expect(s.reader!.rendered.lines[m.line].text.lowercased().contains("needle1")) }
    }

    @Test func keysThatWaitForALongLessonGetANoteFirst() {
        var text = Fixtures.long(id: "big", sections: 3_500)
        while text.utf8.count < AppState.longLessonBytes + 4_096 { text += "More text to make the lesson long.\n\n" }
        var s = AppState(course: Course(files: [("big.md", text)], origin: "t"), progress: LearnerProgress(), width: 80, height: 24)
        _ = s.open(lessonID: "big")
        #expect(s.waitNote(for: .char("G"))?.hasPrefix("Laying out the whole lesson") == true)
        #expect(s.waitNote(for: .char("t")) != nil)
        #expect(s.waitNote(for: .char("j")) == nil)
        _ = s.update(.key(.char("/")))
        #expect(s.waitNote(for: .char("x")) == nil)
        #expect(s.waitNote(for: .enter) != nil)
        _ = s.update(.key(.escape))
        _ = s.update(.key(.char("G")))
        #expect(s.reader!.isLaidOut)
        #expect(s.waitNote(for: .char("G")) == nil, "nothing left to wait for")
        // A short lesson never waits long enough to need one.
        let short = opened()
        #expect(short.waitNote(for: .char("G")) == nil)
    }

    @Test func sectionCountComesFromTheWholeLessonAtOnce() {
        let s = opened()
        #expect(s.progress.lessons["long"]?.sectionCount == Self.sections + 1)
    }

    /// A lesson parsed in two pieces knows its heading count once the rest is parsed; the
    /// first save records it (parsing the rest then), except for a lesson of 1 MB or more,
    /// which `q` does not hold up: its count comes once the idle steps have parsed it.
    @Test func sectionCountOfALessonInTwoPiecesIsRecordedByTheFirstSave() {
        let sections = 400
        var s = AppState(course: Course(files: [("long.md", Fixtures.long(sections: sections))], origin: "t"),
                         progress: LearnerProgress(), width: 70, height: 20)
        _ = s.open(lessonID: "long")
        #expect(s.reader?.headingCountIfKnown == nil, "the first frame parsed only the first piece")
        #expect(s.progress.lessons["long"]?.sectionCount == nil)
        let effects = s.update(.key(.char("q")))
        #expect(s.progress.lessons["long"]?.sectionCount == sections + 1)
        #expect(effects.contains { if case .saveProgress(let p) = $0 { return p.lessons["long"]?.sectionCount == sections + 1 } else { return false } })

        var text = Fixtures.long(id: "big", sections: 3_500)
        while text.utf8.count < AppState.longLessonBytes + 4_096 { text += "More text to make the lesson long.\n\n" }
        var big = AppState(course: Course(files: [("big.md", text)], origin: "t"), progress: LearnerProgress(), width: 70, height: 20)
        _ = big.open(lessonID: "big")
        _ = big.update(.key(.char("q")))
        #expect(big.reader?.headingCountIfKnown == nil, "q did not wait for the rest of a long lesson")
    }

    @Test func aHugeCodeBlockOpensAPartAtATime() {
        var body = "```sh\n"
        for i in 0..<5_000 { body += "echo \(i)\n" }
        body += "```\n\nafter the code\n"
        var s = opened("code", body: body)
        #expect(s.reader!.lineCount < 1_000, "one part of the block, not 5,000 lines")
        _ = s.update(.key(.char("G")))
        #expect(s.reader!.isLaidOut)
        #expect(s.reader!.lineCount == 5_004, "frame, 5,000 lines, frame, blank, paragraph")
        #expect(View.draw(s).text().contains("after the code"))
    }

    /// Random keys on a reader that lays out as it goes, and the same keys on one laid out
    /// whole from the start: after every key both show the same page with the same focus.
    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func randomKeysEndWhereTheyWouldWithEverythingLaidOut(seed: UInt64) {
        var rng = SplitMix(seed)
        var lazy = opened(height: 14)
        var eager = opened(height: 14)
        while eager.hasDeferredWork { _ = eager.update(.idle) }
        let keys: [Key] = [.char("j"), .char("k"), .char(" "), .char("b"), .char("d"), .char("u"), .char("G"), .char("g"),
                           .tab, .backTab, .enter, .escape, .char("1"), .char("2"), .pageDown, .down, .up, .char("n")]
        func page(_ s: AppState) -> [String] {
            Array(View.draw(s).text().split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
        }
        for step in 0..<300 {
            let event: Event
            switch rng.next() % 20 {
            case 0: event = .resize(width: 40 + Int(rng.next() % 60), height: 10 + Int(rng.next() % 20))
            case 1: event = .idle
            default: event = .key(keys[Int(rng.next() % UInt64(keys.count))])
            }
            if case .idle = event {
                _ = lazy.update(.idle)
                continue
            }
            _ = lazy.update(event)
            _ = eager.update(event)
            let context = "seed \(seed), step \(step), \(event)"
            #expect(lazy.mode == eager.mode, "\(context)")
            guard lazy.mode == .reader, eager.mode == .reader else { continue }
            #expect(lazy.reader?.lessonID == eager.reader?.lessonID, "\(context)")
            #expect(lazy.reader?.top == eager.reader?.top, "\(context)")
            #expect(lazy.reader?.focus == eager.reader?.focus, "\(context)")
            #expect(page(lazy) == page(eager), "\(context)")
            if lazy.reader?.top != eager.reader?.top { break }
        }
    }
}

/// A small deterministic generator for the random key tests.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

