/// What was measured for one method at one N: the median cost of one zero-timeout
/// readiness check, or why the method was not called.
public struct ReadinessMeasurement: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        /// `ready` is K when every call agreed, else the first disagreeing count.
        case measured(nsPerCall: Double, ready: Int, mismatchedCalls: Int)
        case skipped(reason: String)
    }

    public var method: MultiplexMethod
    public var fds: Int
    public var active: Int
    public var outcome: Outcome

    public init(method: MultiplexMethod, fds: Int, active: Int, outcome: Outcome) {
        self.method = method
        self.fds = fds
        self.active = active
        self.outcome = outcome
    }

    /// ns per call when the method was measured.
    public var nsPerCall: Double? {
        if case .measured(let ns, _, _) = outcome { return ns }
        return nil
    }
}

/// The one-time cost of registering N descriptors with epoll_ctl(EPOLL_CTL_ADD).
public struct EpollAddCost: Equatable, Sendable {
    public var fds: Int
    public var nsPerAdd: Double

    public init(fds: Int, nsPerAdd: Double) {
        self.fds = fds
        self.nsPerAdd = nsPerAdd
    }
}

/// What to measure: each N in turn, with K of the N descriptors readable.
public struct MeasurementPlan: Equatable, Sendable {
    public var fdCounts: [Int]
    public var active: Int

    public init(fdCounts: [Int], active: Int) {
        self.fdCounts = fdCounts
        self.active = active
    }

    /// One step per (N, method), in the order they run: what the progress bar counts.
    public var steps: [(fds: Int, method: MultiplexMethod)] {
        fdCounts.flatMap { n in MultiplexMethod.allCases.map { (n, $0) } }
    }
}

/// What a probe reports while it works, in order.
public enum ProbeEvent: Equatable, Sendable {
    /// About to measure `step` (0-based) of `of` steps.
    case measuring(method: MultiplexMethod, fds: Int, step: Int, of: Int)
    case epollAdd(EpollAddCost)
    case result(ReadinessMeasurement)
    /// The plan cannot run (too many descriptors, a failing call); nothing is left open.
    case failed(String)
    case cancelled
    case finished
}
