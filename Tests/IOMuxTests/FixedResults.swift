@testable import IOMux

/// Fixed results (the two-threaded run in BENCHMARKS.md) fed to the model as a probe would.
enum FixedResults {
    static let fdCounts = [10, 100, 1000, 5000, 10000]
    static let ns: [MultiplexMethod: [Double?]] = [
        .select: [956.3, 5251.2, 48118.7, nil, nil],
        .poll: [720.8, 4993.5, 45373.0, 239358.2, 487220.3],
        .epoll: [449.9, 448.1, 450.2, 457.8, 449.5],
    ]
    static let add: [Double] = [1198.7, 904.0, 908.0, 974.6, 993.0]

    /// The events of a whole run, or of its first `steps` (N, method) steps.
    static func events(steps: Int = 15) -> [ProbeEvent] {
        var out: [ProbeEvent] = []
        var step = 0
        for (i, n) in fdCounts.enumerated() {
            out.append(.epollAdd(EpollAddCost(fds: n, nsPerAdd: add[i])))
            for m in MultiplexMethod.allCases {
                guard step < steps else { return out }
                out.append(.measuring(method: m, fds: n, step: step, of: 15))
                step += 1
                let outcome: ReadinessMeasurement.Outcome = ns[m]![i].map { .measured(nsPerCall: $0, ready: 1, mismatchedCalls: 0) }
                    ?? .skipped(reason: "fd \(n + 4) >= FD_SETSIZE (1024): select cannot watch it")
                out.append(.result(ReadinessMeasurement(method: m, fds: n, active: 1, outcome: outcome)))
            }
        }
        out.append(.finished)
        return out
    }

    /// A model that has received `events`.
    static func model(_ events: [ProbeEvent] = events()) -> IOMuxModel {
        var model = IOMuxModel(active: 1, fdCounts: fdCounts, maxFittingN: 19_000)
        _ = model.start()
        for e in events { _ = model.update(.probe(e)) }
        return model
    }
}
