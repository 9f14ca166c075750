import Foundation
import LessonKit
import QuizKit
import Render
import Testing
import TestSupport
@testable import TutorApp

@Suite struct AppUpdateTests {
    func app(width: Int = 60, height: Int = 12) -> AppState {
        let course = Course(files: [("sample.md", Fixtures.sample), ("other.md", Fixtures.other)], origin: "test")
        return AppState(course: course, progress: LearnerProgress(), width: width, height: height)
    }

    func reading(_ id: String = "sample", width: Int = 60, height: Int = 12) -> AppState {
        var s = app(width: width, height: height)
        let opened = s.open(lessonID: id)
        #expect(opened)
        return s
    }

    @Test func homeEnterOpensTheSelectedLesson() {
        var s = app()
        _ = s.update(.key(.char("j")))
        _ = s.update(.key(.enter))
        #expect(s.mode == .reader)
        #expect(s.reader?.lessonID == "other")
    }

    @Test func rOnTheCourseMapSavesThenOpensTheReview() {
        var s = app()
        let effects = s.update(.key(.char("r")))
        #expect(effects.last == .openReview)
        #expect(effects.count == 2)
    }

    @Test func jAndKScrollOneLineAndStopAtTheEdges() {
        var s = reading()
        _ = s.update(.key(.char("k")))
        #expect(s.reader?.top == 0)
        _ = s.update(.key(.char("j")))
        _ = s.update(.key(.down))
        #expect(s.reader?.top == 2)
    }

    @Test func capitalGGoesToTheLastPageAndGBack() {
        var s = reading()
        _ = s.update(.key(.char("G")))
        #expect(s.reader?.top == s.reader!.maxTop(viewHeight: s.viewHeight))
        _ = s.update(.key(.char("g")))
        #expect(s.reader?.top == 0)
    }

    @Test func spaceScrollsAPageLessOneLine() {
        var s = reading()
        _ = s.update(.key(.char(" ")))
        #expect(s.reader?.top == s.viewHeight - 1)
    }

    @Test func contentsOverlayJumpsToTheChosenHeading() {
        var s = reading()
        _ = s.update(.key(.char("t")))
        #expect(s.overlay == .contents(selected: 0))
        _ = s.update(.key(.char("j")))
        _ = s.update(.key(.char("j")))
        _ = s.update(.key(.enter))
        #expect(s.overlay == nil)
        let partTwo = s.reader!.rendered.anchors["part-two"]!
        #expect(s.reader?.top == min(partTwo, s.reader!.maxTop(viewHeight: s.viewHeight)))
    }

    @Test func searchFindsMatchesAndNMovesBetweenThem() {
        var s = reading()
        _ = s.update(.key(.char("/")))
        for c in "part" { _ = s.update(.key(.char(c))) }
        #expect(s.searchInput == "part")
        _ = s.update(.key(.enter))
        #expect(s.searchInput == nil)
        let search = s.reader!.search!
        #expect(search.matches.count >= 3)
        let first = search.current!
        _ = s.update(.key(.char("n")))
        #expect(s.reader!.search!.current == first + 1)
        _ = s.update(.key(.char("N")))
        #expect(s.reader!.search!.current == first)
    }

    @Test func tabFocusesALinkEnterFollowsItAndEscapeComesBack() {
        var s = reading()
        _ = s.update(.key(.tab))
        #expect(s.reader?.focus == 0)
        _ = s.update(.key(.tab))
        #expect(s.reader?.focus == 1)  // other.md#start
        _ = s.update(.key(.enter))
        #expect(s.reader?.lessonID == "other")
        _ = s.update(.key(.escape))
        #expect(s.reader?.lessonID == "sample")
        #expect(s.reader?.focus == 1)
        _ = s.update(.key(.escape))
        #expect(s.mode == .home)
    }

    @Test func externalLinkIsShownNotOpened() {
        var s = reading()
        for _ in 0..<3 { _ = s.update(.key(.tab)) }
        let effects = s.update(.key(.enter))
        #expect(effects.isEmpty)
        #expect(s.message == "External link (not opened): https://example.com")
    }

    @Test func demoBlockAsksTheLoopToOpenTheDemo() {
        var s = reading()
        for _ in 0..<4 { _ = s.update(.key(.tab)) }
        let effects = s.update(.key(.enter))
        #expect(effects.last == .openDemo("tcp-state"))
    }

    @Test func quitSavesProgressThenQuits() {
        var s = reading()
        _ = s.update(.key(.char("j")))
        let effects = s.update(.key(.char("q")))
        #expect(effects.count == 2)
        #expect(effects.last == .quit)
        guard case .saveProgress(let p) = effects.first else {
            Issue.record("no save")
            return
        }
        #expect(p.positions["sample"] != nil)
    }

    @Test func resizeKeepsTheSameBlockAtTheTop() {
        var s = reading(width: 80, height: 12)
        _ = s.update(.key(.char("G")))
        let block = s.reader!.rendered.lines[s.reader!.top].block
        _ = s.update(.resize(width: 30, height: 40))
        let r = s.reader!
        #expect(r.rendered.width == 30)
        #expect(r.rendered.lines[r.top].block <= block)
    }

    @Test func reopeningALessonRestoresTheSavedPosition() {
        var s = reading()
        _ = s.update(.key(.char("d")))
        let top = s.reader!.top
        _ = s.update(.key(.escape))
        #expect(s.mode == .home)
        let opened = s.open(lessonID: "sample")
        #expect(opened)
        #expect(s.reader?.top == top)
    }

    @Test func helpOverlayOpensOnQuestionMarkAndAnyKeyClosesIt() {
        var s = reading()
        _ = s.update(.key(.char("?")))
        #expect(s.overlay == .help)
        _ = s.update(.key(.char("x")))
        #expect(s.overlay == nil)
    }

    @Test func progressIsSavedAtMostEveryTwoSecondsWhileReading() {
        var s = reading()
        _ = s.update(.tick(now: 100))
        _ = s.update(.key(.char("j")))
        #expect(s.update(.tick(now: 101)).isEmpty)
        #expect(s.update(.tick(now: 102.5)).count == 1)
    }
}

@Suite struct ViewSnapshotTests {
    func course() -> Course {
        Course(files: [("sample.md", Fixtures.sample), ("other.md", Fixtures.other)], origin: "test")
    }

    @Test func homeScreenAt80x24() {
        let s = AppState(course: course(), progress: LearnerProgress(), width: 80, height: 24)
        let failure = Snapshot.check(View.draw(s).text(), named: "home-80x24")
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func readerAt60x16WithFocusAndSearch() {
        var s = AppState(course: course(), progress: LearnerProgress(), width: 60, height: 16)
        _ = s.open(lessonID: "sample")
        _ = s.update(.key(.tab))
        while s.hasDeferredWork { _ = s.update(.idle) }
        let failure = Snapshot.check(View.draw(s).text(), named: "reader-60x16")
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func courseMapShowsQuizScoreAndQuestionsDue() {
        var p = LearnerProgress()
        let at = Date(timeIntervalSince1970: 1_000_000)
        p.record(QuestionKey(lesson: "sample", question: "a"), correct: false, at: at, lessonQuestions: ["a", "b"])
        p.record(QuestionKey(lesson: "sample", question: "b"), correct: true, at: at, lessonQuestions: ["a", "b"])
        var s = AppState(course: course(), progress: p, width: 80, height: 24)
        s.now = 1_000_100
        let text = View.draw(s).text()
        #expect(text.contains("quiz best 1/2 · 1 due"), "\(text)")
    }

    @Test func longTitlesEndWithAnEllipsis() {
        #expect(View.fit("Load balancing: spreading work", 12) == "Load balanc…")
        #expect(View.fit("short", 12) == "short")
    }

    @Test func helpListsEveryKeyAt80x24() {
        var s = AppState(course: course(), progress: LearnerProgress(), width: 80, height: 24)
        _ = s.open(lessonID: "sample")
        _ = s.update(.key(.char("?")))
        let text = View.draw(s).text()
        for section in KeyHelp.sections {
            #expect(text.contains(section.title))
            for (key, what) in section.keys {
                #expect(text.contains(key) && text.contains(what), "help misses \(key): \(what)")
            }
        }
    }

    @Test func tooSmallTerminalShowsANote() {
        let s = AppState(course: course(), progress: LearnerProgress(), width: 12, height: 3)
        #expect(View.draw(s).text().hasPrefix("Terminal too"))
    }

    @Test(arguments: [(1, 1), (2, 5), (500, 200), (20, 6)])
    func anySizeDrawsWithoutCrashing(width: Int, height: Int) {
        var s = AppState(course: course(), progress: LearnerProgress(), width: width, height: height)
        _ = s.open(lessonID: "sample")
        _ = s.update(.key(.char("t")))
        let b = View.draw(s)
        #expect(b.width == width && b.height == height)
    }
}

@Suite struct QuizInReaderTests {
    static let lesson = """
        ---
        id: q
        title: "Quiz lesson"
        summary: "s"
        order: 1
        minutes: 1
        ---
        ## Handshake

        Text.

        ```quiz
        - id: first-flag
          type: single
          prompt: "Which flag opens a connection?"
          options:
            - text: "SYN"
              correct: true
            - text: "FIN"
              why: "FIN closes a direction."
          explain: "SYN synchronizes sequence numbers."
        ```
        """

    func reading() -> AppState {
        var s = AppState(course: Course(files: [("q.md", Self.lesson)], origin: "t"), progress: LearnerProgress(), width: 60, height: 20)
        s.now = 1_000_000
        _ = s.open(lessonID: "q")
        return s
    }

    @Test func theQuizBlockIsDrawnAsACardWithItsOptions() {
        let s = reading()
        let text = View.draw(s).text()
        #expect(text.contains("Which flag opens a connection?"))
        #expect(text.contains("SYN"))
        #expect(!text.contains("type: single"))
    }

    @Test func answeringOnTheCardRecordsTheAnswerAndAsksToSave() {
        var s = reading()
        _ = s.update(.key(.tab))
        #expect(s.reader?.focusedQuizLine != nil)
        let text = View.draw(s).text()
        // Pick the option shown as FIN (options are shuffled), then submit.
        let lines = text.split(separator: "\n")
        let finLine = lines.first { $0.contains("FIN") && $0.contains("2") } != nil ? "2" : "1"
        _ = s.update(.key(.char(Character(finLine))))
        let effects = s.update(.key(.enter))
        #expect(effects.contains { if case .saveProgress = $0 { return true } else { return false } })
        let answers = s.progress.progress(of: QuestionKey(lesson: "q", question: "first-flag"))?.answers ?? []
        #expect(answers.count == 1)
        #expect(answers.first?.correct == false)
        #expect(View.draw(s).text().contains("FIN closes a direction."))
    }

    @Test func escapeLeavesTheCardBeforeGoingBack() {
        var s = reading()
        _ = s.update(.key(.tab))
        _ = s.update(.key(.escape))
        #expect(s.reader?.focus == nil)
        #expect(s.mode == .reader)
        _ = s.update(.key(.escape))
        #expect(s.mode == .home)
    }

    @Test func qStillQuitsWhileAQuizHasTheFocus() {
        var s = reading()
        _ = s.update(.key(.tab))
        #expect(s.update(.key(.char("q"))).last == .quit)
    }
}
