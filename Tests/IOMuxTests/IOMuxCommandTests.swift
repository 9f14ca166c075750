import Testing

@testable import IOMux

/// A probe that replays fixed events: the JSON lines are checked without descriptors.
struct ReplayProbe: IOMuxProbe {
    var events: [ProbeEvent]
    func run(_ plan: MeasurementPlan, isCancelled: () -> Bool, deliver: (ProbeEvent) -> Void) {
        for e in events {
            if isCancelled() { return deliver(.cancelled) }
            deliver(e)
        }
    }
}

struct IOMuxCommandTests {
    @Test func aMeasuredMethodIsOneLineWithTheIssuesKeys() {
        let m = ReadinessMeasurement(method: .poll, fds: 100, active: 1, outcome: .measured(nsPerCall: 812.345, ready: 1, mismatchedCalls: 0))
        #expect(IOMuxCommand.jsonLine(m) == #"{"method": "poll", "fds": 100, "active": 1, "ns_per_call": 812.3, "ready": 1}"#)
    }

    @Test func aSkippedMethodCarriesTheReasonInsteadOfNumbers() {
        let m = ReadinessMeasurement(method: .select, fds: 5000, active: 1, outcome: .skipped(reason: "fd 5003 >= \"FD_SETSIZE\""))
        #expect(IOMuxCommand.jsonLine(m) == #"{"method": "select", "fds": 5000, "active": 1, "skipped": "fd 5003 >= \"FD_SETSIZE\""}"#)
    }

    @Test func theEpollAddCostIsItsOwnLine() {
        #expect(IOMuxCommand.jsonLine(EpollAddCost(fds: 10, nsPerAdd: 95.06)) == #"{"method": "epoll_ctl", "fds": 10, "ns_per_add": 95.1}"#)
    }

    @Test func runJSONPrintsALinePerResultAndExitsZero() {
        let probe = ReplayProbe(events: [
            .epollAdd(EpollAddCost(fds: 10, nsPerAdd: 100)),
            .measuring(method: .select, fds: 10, step: 0, of: 3),
            .result(ReadinessMeasurement(method: .select, fds: 10, active: 1, outcome: .measured(nsPerCall: 250, ready: 1, mismatchedCalls: 0))),
            .finished,
        ])
        var lines: [String] = []
        let status = IOMuxCommand.runJSON(fds: [10], probe: probe, output: { lines.append($0) }, errorOutput: { _ in })
        #expect(status == 0)
        #expect(lines == [
            #"{"method": "epoll_ctl", "fds": 10, "ns_per_add": 100.0}"#,
            #"{"method": "select", "fds": 10, "active": 1, "ns_per_call": 250.0, "ready": 1}"#,
        ])
    }

    @Test func aRefusedPlanExitsOneWithOneErrorLine() {
        var errors: [String] = []
        let status = IOMuxCommand.runJSON(fds: [50_000_000], output: { _ in }, errorOutput: { errors.append($0) })
        #expect(status == 1)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("nettutor: error: N=50000000 does not fit") == true)
    }

    @Test func fdListParsesCommaSeparatedCounts() throws {
        #expect(try IOMuxCommand.parseFdList("10,100, 1000") == [10, 100, 1000])
    }

    @Test func fdListRejectsWordsAndZero() {
        #expect(throws: IOMuxError.badFdList("10,ten")) { try IOMuxCommand.parseFdList("10,ten") }
        #expect(throws: IOMuxError.badFdCount(0)) { try IOMuxCommand.parseFdList("0") }
    }
}
