import Foundation
import Render
import Testing

@testable import IOMux

/// A probe that works until it is cancelled, as a long real run would.
struct EndlessProbe: IOMuxProbe {
    func run(_ plan: MeasurementPlan, isCancelled: () -> Bool, deliver: (ProbeEvent) -> Void) {
        deliver(.measuring(method: .select, fds: plan.fdCounts[0], step: 0, of: plan.steps.count))
        while !isCancelled() { usleep(1000) }
        deliver(.cancelled)
    }
}

struct IOMuxDemoTests {
    /// Ticks until `done` holds or a second passes.
    func tick(_ demo: IOMuxDemo, until done: (IOMuxModel) -> Bool) {
        let deadline = Date(timeIntervalSinceNow: 1)
        while !done(demo.model), Date() < deadline {
            demo.tick()
            usleep(1000)
        }
    }

    @Test func resultsArriveOnTicksFromTheBackgroundRun() {
        let demo = IOMuxDemo(probe: ReplayProbe(events: FixedResults.events()), maxFittingN: 19_000)
        tick(demo) { $0.phase == .finished }
        #expect(demo.model.results.count == 15)
        demo.close()
    }

    @Test func qClosesAndCloseStopsTheRunAtOnce() {
        let demo = IOMuxDemo(probe: EndlessProbe(), maxFittingN: 19_000)
        tick(demo) { if case .measuring = $0.phase { return true } else { return false } }
        let started = Date()
        #expect(demo.handle(.char("q")) == .close)
        demo.close()
        #expect(Date().timeIntervalSince(started) < 0.5)
    }

    @Test func theDemoDrawsTheChartPageFirst() {
        let demo = IOMuxDemo(probe: ReplayProbe(events: FixedResults.events()), maxFittingN: 19_000)
        tick(demo) { $0.phase == .finished }
        var buffer = ScreenBuffer(width: 80, height: 24)
        demo.draw(into: &buffer)
        #expect(buffer.rowText(2).hasPrefix(" Done: 13 measured, 2 skipped"))
        demo.close()
    }
}
