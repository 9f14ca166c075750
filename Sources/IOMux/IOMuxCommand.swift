import Foundation
import PlainJSON

/// The non-interactive side of `nettutor demo iomux`: `--json [--fds LIST] [--active K]`
/// prints one JSON object per line (issue 6, "Scriptable interface").
public enum IOMuxCommand {
    /// The N values measured when none are given (trimmed to what the fd limit allows).
    public static let defaultFdCounts = [10, 100, 1000, 5000, 10000]
    public static let defaultActive = 1

    /// The defaults that fit under the descriptor limit right now.
    public static func fittingDefaultFdCounts() -> [Int] {
        let fitting = DescriptorLimit.largestFittingN().n
        return defaultFdCounts.filter { $0 <= fitting }
    }

    /// Parses "10,100,1000" (spaces allowed) into counts; each must be at least 1.
    public static func parseFdList(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var counts: [Int] = []
        for part in parts {
            guard let n = Int(part) else { throw IOMuxError.badFdList(text) }
            guard n >= 1 else { throw IOMuxError.badFdCount(n) }
            counts.append(n)
        }
        guard !counts.isEmpty else { throw IOMuxError.badFdList(text) }
        return counts
    }

    /// Checks `--fds` and `--active` before anything is opened; the error's description is
    /// the one line to print. (Raises the soft RLIMIT_NOFILE to the hard limit.)
    public static func validate(fds: [Int]?, active: Int) throws {
        try SystemIOMuxProbe.validate(MeasurementPlan(fdCounts: fds ?? fittingDefaultFdCounts(), active: active))
    }

    /// The full-screen demo for `nettutor demo iomux [--fds LIST] [--active K]` (without
    /// --json), refused with an `IOMuxError` when the options cannot run. Measuring starts at once.
    public static func makeDemo(fds: [Int]? = nil, active: Int = defaultActive) throws -> IOMuxDemo {
        try validate(fds: fds, active: active)
        return IOMuxDemo(fdCounts: fds ?? defaultFdCounts, active: active)
    }

    /// Runs the measurement and writes each line as soon as it is measured. Returns the
    /// exit status: 0 on success, 1 when the plan is refused (before anything is opened)
    /// or a system call fails; the reason goes to `errorOutput` as one line.
    public static func runJSON(
        fds: [Int]? = nil,
        active: Int = defaultActive,
        probe: any IOMuxProbe = SystemIOMuxProbe(),
        // write(2) per line, not print: a pipe reader sees each result as it is measured.
        output: (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        errorOutput: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    ) -> Int32 {
        let plan = MeasurementPlan(fdCounts: fds ?? fittingDefaultFdCounts(), active: active)
        var status: Int32 = 0
        probe.run(plan, isCancelled: { false }) { event in
            switch event {
            case .result(let m): output(jsonLine(m))
            case .epollAdd(let cost): output(jsonLine(cost))
            case .failed(let reason):
                errorOutput("nettutor: error: \(reason)")
                status = 1
            case .measuring, .finished, .cancelled: break
            }
        }
        return status
    }

    /// `{"method": "poll", "fds": 100, "active": 1, "ns_per_call": 812.3, "ready": 1}`,
    /// or with `"skipped": "<reason>"` in place of the numbers.
    public static func jsonLine(_ m: ReadinessMeasurement) -> String {
        let head = "{\"method\": \"\(m.method.name)\", \"fds\": \(m.fds), \"active\": \(m.active), "
        switch m.outcome {
        case .measured(let ns, let ready, _):
            return head + "\"ns_per_call\": \(number(ns)), \"ready\": \(ready)}"
        case .skipped(let reason):
            return head + "\"skipped\": \(JSONText.string(reason))}"
        }
    }

    /// `{"method": "epoll_ctl", "fds": 100, "ns_per_add": 95.1}`
    public static func jsonLine(_ cost: EpollAddCost) -> String {
        "{\"method\": \"epoll_ctl\", \"fds\": \(cost.fds), \"ns_per_add\": \(number(cost.nsPerAdd))}"
    }

    /// One decimal: nanoseconds finer than that are noise between runs.
    static func number(_ x: Double) -> String {
        x.isFinite ? String(format: "%.1f", x) : "null"
    }

}
