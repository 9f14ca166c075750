import Render
import Testing

@testable import IOMux

struct IOMuxModelTests {
    func model(maxFittingN: Int = 19_000) -> IOMuxModel {
        IOMuxModel(active: 1, fdCounts: IOMuxCommand.defaultFdCounts, maxFittingN: maxFittingN)
    }

    func typing(_ text: String, into model: inout IOMuxModel) {
        _ = model.update(.key(.char("n")))
        while model.fdListInput?.isEmpty == false { _ = model.update(.key(.backspace)) }
        for c in text { _ = model.update(.key(.char(c))) }
        _ = model.update(.key(.enter))
    }

    @Test func defaultsAreKOneAndTheNsThatFitTheLimit() {
        let m = model(maxFittingN: 4000)
        #expect(m.active == 1)
        #expect(m.fdCounts == [10, 100, 1000])
    }

    @Test func startingAsksToCancelAnyRunAndStartThePlan() {
        var m = model()
        #expect(m.start() == [.cancelRun, .startRun(MeasurementPlan(fdCounts: [10, 100, 1000, 5000, 10000], active: 1))])
        #expect(m.isMeasuring)
    }

    @Test func plusRaisesKAndRAsksForARerun() {
        var m = model()
        _ = m.start()
        _ = m.update(.key(.char("+")))
        #expect(m.active == 2)
        #expect(m.settingsChanged)
        #expect(m.update(.key(.char("r"))) == [.cancelRun, .startRun(MeasurementPlan(fdCounts: m.fdCounts, active: 2))])
    }

    @Test func kStopsAtTheSmallestN() {
        var m = model()
        typing("3,100", into: &m)
        for _ in 0..<5 { _ = m.update(.key(.char("+"))) }
        #expect(m.active == 3)
        #expect(m.notice == "K cannot exceed the smallest N")
    }

    @Test func aTypedNListIsSortedAndDeduplicated() {
        var m = model()
        typing("1000, 10,10", into: &m)
        #expect(m.fdCounts == [10, 1000])
        #expect(m.fdListInput == nil)
    }

    @Test func anNOverTheLimitIsRefusedAndTheInputStaysOpen() {
        var m = model(maxFittingN: 19_000)
        typing("10,50000", into: &m)
        #expect(m.fdCounts == [10, 100, 1000, 5000, 10000])
        #expect(m.fdListInput == "10,50000")
        #expect(m.notice == "N=50000 does not fit: at most 19000 descriptors can be opened")
    }

    @Test func escapeInTheInputKeepsTheOldListAndDoesNotClose() {
        var m = model()
        _ = m.update(.key(.char("n")))
        #expect(m.update(.key(.escape)) == [])
        #expect(m.fdListInput == nil)
    }

    @Test func qAndEscapeClose() {
        var m = model()
        #expect(m.update(.key(.char("q"))) == [.close])
        #expect(m.update(.key(.escape)) == [.close])
    }

    @Test func lSwitchesTheYScale() {
        var m = model()
        _ = m.update(.key(.char("l")))
        #expect(m.yScale == .linear)
        _ = m.update(.key(.char("l")))
        #expect(m.yScale == .log)
    }

    @Test func tabTogglesTheStepByStepPageWhereArrowsStep() {
        var m = model()
        _ = m.update(.key(.tab))
        #expect(m.page == .steps)
        _ = m.update(.key(.right))
        #expect(m.step == 1)
        _ = m.update(.key(.left))
        _ = m.update(.key(.left))
        #expect(m.step == IOMuxModel.stepCount - 1)
        _ = m.update(.key(.tab))
        #expect(m.page == .chart)
    }

    @Test func probeEventsFillResultsAndPhase() {
        let m = FixedResults.model(FixedResults.events())
        #expect(m.results.count == 15)
        #expect(m.addCosts.count == 5)
        #expect(m.phase == .finished)
        #expect(m.result(.poll, fds: 1000)?.nsPerCall == 45373.0)
    }
}
