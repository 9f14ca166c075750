import QuizKit
import Render
import Testing
import TestSupport
@testable import QuizUI

@Suite struct QuizCardTests {
    @Test func singleCardBeforeAnswering() throws {
        var c = card(0)
        c.press(.down)
        try expectSnapshot(cardText(c), named: "single-unanswered")
    }

    @Test func wrongPickShowsVerdictExplanationAndItsWhy() throws {
        var c = card(0)
        let events = c.press(.char("2"), .enter)
        #expect(events.last == .answered(fixtureItems[0], correct: false))
        try expectSnapshot(cardText(c), named: "single-wrong")
    }

    @Test func rightPickWithArrowsAndSpace() {
        var c = card(0)
        let events = c.press(.down, .up, .char(" "), .enter)
        #expect(events.last == .answered(fixtureItems[0], correct: true))
    }

    @Test func submitWithNothingPickedAsksForAPick() throws {
        var c = card(0)
        let events27 = c.press(.enter)
        #expect(events27 == [.changed])
        #expect(c.card?.problem == "Pick an option first: its number, or ↑/↓ and Space.")
        #expect(c.card?.isAnswered == false)
    }

    @Test func multiplePartialPickIsWrongAndNamesTheMissedOption() throws {
        var c = card(1)
        let events = c.press(.char("2"), .enter)
        #expect(events.last == .answered(fixtureItems[1], correct: false))
        try expectSnapshot(cardText(c), named: "multiple-partial")
    }

    @Test func multipleDigitTogglesAPick() {
        var c = card(1)
        c.press(.char("2"), .char("3"), .char("3"))
        #expect(c.card?.picked == [1])
    }

    @Test func orderItemMovesWhileTaken() throws {
        var c = card(2)
        let start = c.card!.arrangement
        c.press(.char(" "), .down)
        #expect(c.card!.arrangement == [start[1], start[0], start[2]])
        #expect(c.card!.highlight == 1)
        try expectSnapshot(cardText(c), named: "order-holding")
    }

    @Test func orderArrangedRightIsGradedRight() {
        var c = card(2)
        // Sort by moving items with Space + arrows, one bubble pass at a time.
        for _ in 0..<3 {
            for row in 0..<2 {
                let a = c.card!.arrangement
                c.press(.home)
                for _ in 0..<row { c.press(.down) }
                if a[row] > a[row + 1] { c.press(.char(" "), .down, .char(" ")) }
            }
        }
        #expect(c.card!.arrangement == [0, 1, 2])
        let events66 = c.press(.enter)
        #expect(events66 == [.answered(fixtureItems[2], correct: true)])
    }

    @Test func textCardTakesWideCharactersAndEditsThem() throws {
        var c = card(3)
        c.type("スリーウェイXハンドシェイク")
        c.press(.left, .left, .left, .left, .left, .left, .left, .backspace)
        #expect(c.card?.editor.text == "スリーウェイハンドシェイク")
        try expectSnapshot(cardText(c), named: "text-editing-wide")
        let events75 = c.press(.enter)
        #expect(events75 == [.answered(fixtureItems[3], correct: true)])
    }

    @Test func textCardCapturesLettersTheReaderWouldUse() {
        var c = card(3)
        #expect(c.capturesText)
        let events81 = c.press(.char("q"))
        #expect(events81 == [.changed])
        #expect(c.card?.editor.text == "q")
    }

    @Test func numberThatDoesNotParseIsExplainedNotGraded() throws {
        var c = card(4)
        c.type("one")
        let events88 = c.press(.enter)
        #expect(events88 == [.changed])
        try expectSnapshot(cardText(c), named: "number-problem")
    }

    @Test func numberRightWithUnit() {
        var c = card(4)
        c.type("1 round trip")
        let events95 = c.press(.enter)
        #expect(events95 == [.answered(fixtureItems[4], correct: true)])
    }

    @Test func keysTheCardDoesNotUseGoToTheHost() {
        var c = card(0)
        let events100 = c.press(.tab, .pageDown)
        #expect(events100 == [.ignored, .ignored])
    }

    @Test func enterAfterFeedbackMovesToTheNextQuestionOfTheBlock() {
        var c = QuizCard(items: Array(fixtureItems[0...1]), seed: 1)
        c.press(.char("1"), .enter)
        let events106 = c.press(.enter)
        #expect(events106 == [.changed])
        #expect(c.current == 1)
        #expect(c.title == "Quiz 2/2 · pick all that apply")
    }

    @Test func enterAfterTheLastFeedbackIsDone() {
        var c = card(0)
        let events113 = c.press(.char("1"), .enter, .enter)
        #expect(events113.last == .done)
    }

    @Test func tryAgainClearsTheAnswer() {
        var c = card(0)
        c.press(.char("2"), .enter, .char("r"))
        #expect(c.card?.isAnswered == false)
        #expect(c.card?.picked == [])
    }

    @Test func narrowCardStillFitsItsWidth() throws {
        var c = card(0)
        c.press(.char("3"), .enter)
        let drawn = c.lines(width: 24, focus: nil)
        #expect(drawn.lines.allSatisfy { $0.width == 24 })
        try expectSnapshot(screenText(drawn.lines, cursor: drawn.cursor, width: 24), named: "single-wrong-narrow")
    }
}

@Suite struct LineEditorTests {
    @Test func insertsAtTheCursor() {
        var e = LineEditor("ac")
        _ = e.handle(.left)
        _ = e.handle(.char("b"))
        #expect(e.text == "abc" && e.cursor == 2)
    }

    @Test func controlWDeletesTheWordBeforeTheCursor() {
        var e = LineEditor("three way  ")
        _ = e.handle(.ctrl("w"))
        #expect(e.text == "three ")
    }

    @Test func visiblePartScrollsToKeepTheCursorInView() {
        let e = LineEditor("日本語のテキスト")  // 16 columns
        let v = e.visible(width: 8)
        #expect(v.text == "キスト")
        #expect(v.cursorColumn == 6)
    }

    @Test func controlCharactersAreNotInserted() {
        var e = LineEditor()
        let used = e.handle(.char("\u{1B}"))
        #expect(!used)
        #expect(e.text.isEmpty)
    }
}

@Suite struct QuizCardHistoryTests {
    @Test func cardShowsHowTheLastSavedAnswerWent() throws {
        var state = LearnerProgress()
        state.record(fixtureItems[0].key, correct: false, at: .init(timeIntervalSince1970: 0))
        let c = QuizCard(items: [fixtureItems[0]], seed: 1, state: state)
        #expect(c.card?.lastTime == false)
        try expectSnapshot(cardText(c), named: "single-last-time-wrong")
    }

    @Test func blockCardFromAFocusTargetParsesItsQuestions() {
        let c = QuizCard(lesson: "tcp", blockSource: fixtureQuiz, blockLine: 40, allQuestionIDs: ["x"], seed: 1)
        #expect(c.cards.count == 5)
        #expect(c.cards[0].item.lessonQuestions == ["x"])
        #expect(c.title == "Quiz 1/5 · pick one")
    }
}
