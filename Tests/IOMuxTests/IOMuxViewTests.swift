import Render
import Testing

@testable import IOMux

struct IOMuxViewTests {
    func drawn(_ model: IOMuxModel, width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        IOMuxView.draw(model, into: &buffer)
        return buffer
    }

    @Test func chartPageAt80x24() {
        expectSnapshot(drawn(FixedResults.model(), width: 80, height: 24), named: "chart-80x24")
    }

    @Test func chartPageAt120x40() {
        expectSnapshot(drawn(FixedResults.model(), width: 120, height: 40), named: "chart-120x40")
    }

    @Test func linearScaleAt80x24() {
        var model = FixedResults.model()
        _ = model.update(.key(.char("l")))
        expectSnapshot(drawn(model, width: 80, height: 24), named: "chart-linear-80x24")
    }

    @Test func progressBarWhileMeasuringAt80x24() {
        let model = FixedResults.model(Array(FixedResults.events(steps: 7).dropLast()))
        expectSnapshot(drawn(model, width: 80, height: 24), named: "measuring-80x24")
    }

    @Test func stepsPageAt80x24() {
        var model = FixedResults.model()
        _ = model.update(.key(.tab))
        _ = model.update(.key(.right))
        _ = model.update(.key(.right))
        expectSnapshot(drawn(model, width: 80, height: 24), named: "steps-3-80x24")
    }

    @Test func stepsPageLastStepAt120x40() {
        var model = FixedResults.model()
        _ = model.update(.key(.tab))
        _ = model.update(.key(.left))
        expectSnapshot(drawn(model, width: 120, height: 40), named: "steps-4-120x40")
    }

    @Test func eachSeriesHasItsOwnMarkerAndColor() {
        let buffer = drawn(FixedResults.model(), width: 80, height: 24)
        var roles: [String: Set<ColorRole>] = [:]
        for r in 3..<10 {  // the plot rows at 80x24
            for c in 8..<80 where ["#", "o", "*"].contains(buffer[r, c].text) {
                roles[buffer[r, c].text, default: []].insert(buffer[r, c].style.role)
            }
        }
        #expect(roles["#"] == [.warning])
        #expect(roles["o"] == [.error])
        #expect(roles["*"] == [.success])
    }

    @Test func theReadingIsComputedFromTheNumbers() {
        let sentences = IOMuxReading.sentences(FixedResults.model())
        #expect(sentences.first == "At N=10000 poll costs 1084x epoll per call (487 µs against 450 ns).")
        #expect(sentences.contains { $0.contains("epoll stayed at 448-458 ns: its cost follows K, not N") })
        #expect(sentences.contains { $0.hasPrefix("select stops before N=5000") })
    }

    @Test func aMismatchedReadyCountIsReadAsAWarning() {
        var events = FixedResults.events(steps: 3)
        events.append(.result(ReadinessMeasurement(method: .poll, fds: 10, active: 1, outcome: .measured(nsPerCall: 700, ready: 2, mismatchedCalls: 4))))
        let sentences = IOMuxReading.sentences(FixedResults.model(events))
        #expect(sentences.last == "Warning: poll at N=10 reported 2 ready (not 1) in 4 calls.")
    }

    @Test func rangesShareTheirUnit() {
        #expect(IOMuxReading.range(448.1, 457.8) == "448-458 ns")
        #expect(IOMuxReading.range(449.6, 450.2) == "about 450 ns")
        #expect(IOMuxReading.range(900, 1200) == "900 ns-1.2 µs")
    }

    @Test func durationsKeepThreeSignificantDigits() {
        #expect(IOMuxReading.duration(401.2) == "401 ns")
        #expect(IOMuxReading.duration(3150.5) == "3.2 µs")
        #expect(IOMuxReading.duration(287_816) == "288 µs")
        #expect(IOMuxReading.duration(1_234_000) == "1.2 ms")
        #expect(IOMuxReading.grouped(287_816.5) == "287,817")
    }
}
