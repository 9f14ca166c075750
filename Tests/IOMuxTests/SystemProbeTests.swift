import Foundation
import Testing

@testable import IOMux

/// Counts the eventfd and epoll descriptors this process holds: the only kinds the probe
/// opens, so other suites running in parallel (sockets, files) cannot disturb the count.
func eventDescriptorCount() -> Int {
    DescriptorLimit.openDescriptorCount(matching: { $0.hasPrefix("anon_inode:[event") })
}

/// Short measurements: these tests check what the calls report, not how fast they are.
let quickMethod = MeasuringMethod(minimumNanoseconds: 200_000, measurements: 3)

func runQuickly(_ plan: MeasurementPlan) -> [ProbeEvent] {
    var events: [ProbeEvent] = []
    SystemIOMuxProbe(method: quickMethod).run(plan, isCancelled: { false }) { events.append($0) }
    return events
}

func results(_ events: [ProbeEvent]) -> [ReadinessMeasurement] {
    events.compactMap { if case .result(let m) = $0 { return m } else { return nil } }
}

// Every test that opens real descriptors lives here, serialized: the counts and the fd
// numbers (select's FD_SETSIZE limit) must not see another of these runs.
@Suite(.serialized) struct SystemProbeTests {
    @Test(arguments: [(10, 1), (10, 10), (100, 7), (500, 3), (900, 0)])
    func everyMethodReportsExactlyKReady(n: Int, k: Int) {
        let measured = results(runQuickly(MeasurementPlan(fdCounts: [n], active: k)))
        #expect(measured.map(\.method) == [.select, .poll, .epoll])
        for m in measured {
            guard case .measured(let ns, let ready, let mismatched) = m.outcome else {
                Issue.record("\(m.method) at N=\(n) was not measured: \(m.outcome)")
                continue
            }
            #expect(ready == k, "\(m.method) N=\(n)")
            #expect(mismatched == 0, "\(m.method) N=\(n)")
            #expect(ns > 0)
        }
    }

    @Test func selectIsSkippedWhenADescriptorIsAtOrAboveFDSetSize() {
        let events = runQuickly(MeasurementPlan(fdCounts: [1100], active: 2))
        let measured = results(events)
        let select = measured.first { $0.method == .select }
        guard case .skipped(let reason)? = select?.outcome else {
            Issue.record("select was not skipped: \(String(describing: select))")
            return
        }
        #expect(reason.contains("FD_SETSIZE (1024)"))
        #expect(measured.filter { $0.method != .select }.allSatisfy {
            if case .measured(_, 2, 0) = $0.outcome { return true } else { return false }
        })
    }

    @Test func selectSkipReasonStartsExactlyAtFDSetSize() {
        #expect(SystemIOMuxProbe.fdSetSize == 1024)
        #expect(SystemIOMuxProbe.selectSkipReason(highestFD: 1023) == nil)
        #expect(SystemIOMuxProbe.selectSkipReason(highestFD: 1024) != nil)
        #expect(SystemIOMuxProbe.selectSkipReason(highestFD: 5000) != nil)
    }

    @Test func aRunLeavesNoDescriptorOpen() {
        let before = eventDescriptorCount()
        let allBefore = DescriptorLimit.openDescriptorCount()
        let events = runQuickly(MeasurementPlan(fdCounts: [10, 300, 1200], active: 3))
        #expect(events.last == .finished)
        #expect(eventDescriptorCount() == before)
        // Not a strict equality: other suites may open files meanwhile; ours were N=1510.
        #expect(DescriptorLimit.openDescriptorCount() - allBefore < 20)
    }

    @Test func oneEpollAddCostPerN() {
        let costs = runQuickly(MeasurementPlan(fdCounts: [10, 100], active: 1)).compactMap {
            if case .epollAdd(let c) = $0 { return c } else { return nil }
        }
        #expect(costs.map(\.fds) == [10, 100])
        #expect(costs.allSatisfy { $0.nsPerAdd > 0 })
    }

    @Test func anNThatDoesNotFitIsRefusedBeforeAnythingIsOpened() {
        let before = eventDescriptorCount()
        let events = runQuickly(MeasurementPlan(fdCounts: [10, 50_000_000], active: 1))
        #expect(events.count == 1)
        guard case .failed(let message)? = events.first else {
            Issue.record("expected a refusal, got \(events)")
            return
        }
        #expect(message.contains("N=50000000 does not fit"))
        #expect(eventDescriptorCount() == before)
    }

    @Test func moreActiveThanWatchedIsRefused() {
        let events = runQuickly(MeasurementPlan(fdCounts: [100, 5], active: 6))
        #expect(events == [.failed("\(IOMuxError.badActiveCount(active: 6, fds: 5))")])
    }

    @Test func cancellingMidRunFreesEveryDescriptor() throws {
        let before = eventDescriptorCount()
        // The standard 50 ms method: long enough that the cancel lands mid-measurement.
        let runner = MeasurementRunner(
            probe: SystemIOMuxProbe(), plan: MeasurementPlan(fdCounts: [2000, 3000], active: 1))
        runner.start()
        var seen: [ProbeEvent] = []
        let deadline = Date(timeIntervalSinceNow: 5)
        while !seen.contains(where: { if case .measuring = $0 { return true } else { return false } }),
            Date() < deadline
        {
            seen += runner.drain()
            usleep(1000)
        }
        #expect(eventDescriptorCount() >= before + 2001, "the first set is open mid-run")
        let cancelledAt = Date()
        runner.cancel()
        #expect(runner.waitUntilFinished(timeout: 2))
        #expect(Date().timeIntervalSince(cancelledAt) < 0.5, "cancel takes effect within one timed run")
        seen += runner.drain()
        #expect(seen.last == .cancelled)
        #expect(eventDescriptorCount() == before)
    }

    @Test func closingTheRealDemoMidRunFreesEveryDescriptor() {
        let before = eventDescriptorCount()
        let demo = IOMuxDemo(fdCounts: [3000], maxFittingN: 19_000)
        let deadline = Date(timeIntervalSinceNow: 2)
        while eventDescriptorCount() < before + 3001, Date() < deadline { usleep(1000) }
        #expect(eventDescriptorCount() >= before + 3001)
        #expect(demo.handle(.escape) == .close)
        demo.close()
        #expect(eventDescriptorCount() == before)
    }

    @Test func runJSONPrintsEveryMethodAndTheAddCostForEachN() throws {
        var lines: [String] = []
        let status = IOMuxCommand.runJSON(
            fds: [10, 1100], active: 2, probe: SystemIOMuxProbe(method: quickMethod),
            output: { lines.append($0) }, errorOutput: { Issue.record("unexpected error \($0)") })
        #expect(status == 0)
        #expect(lines.count == 8)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        let measured = objects.filter { $0["ns_per_call"] != nil }
        #expect(measured.count == 5)
        #expect(measured.allSatisfy { ($0["ready"] as? Int) == 2 && ($0["active"] as? Int) == 2 })
        #expect(objects.filter { $0["method"] as? String == "epoll_ctl" }.compactMap { $0["fds"] as? Int } == [10, 1100])
        #expect(objects.contains { $0["method"] as? String == "select" && $0["fds"] as? Int == 1100 && $0["skipped"] != nil })
    }

    @Test func optionsThatCannotRunAreRefusedBeforeTheDemoOpens() {
        let before = eventDescriptorCount()
        #expect(throws: IOMuxError.badActiveCount(active: 20, fds: 10)) { try IOMuxCommand.makeDemo(fds: [10, 100], active: 20) }
        #expect(throws: IOMuxError.self) { try IOMuxCommand.makeDemo(fds: [60_000_000]) }
        #expect(eventDescriptorCount() == before)
    }

    @Test func activeDescriptorsAreSpreadEvenly() {
        #expect(WatchedEventfds.activeIndexes(count: 10, active: 1) == [5])
        #expect(WatchedEventfds.activeIndexes(count: 100, active: 4) == [12, 37, 62, 87])
        #expect(WatchedEventfds.activeIndexes(count: 3, active: 3) == [0, 1, 2])
    }
}
