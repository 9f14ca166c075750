import Render

/// The demo's state: what to measure next, what has been measured, and what is shown.
/// Plain values changed only by `update`, so tests drive it with keys and fake probe events.
public struct IOMuxModel: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        case idle
        case measuring(method: MultiplexMethod, fds: Int, step: Int, of: Int)
        case finished
        case cancelled
        case failed(String)
    }

    public enum Page: Equatable, Sendable {
        /// The chart, the table and the reading.
        case chart
        /// What one call does, step by step, for a small N.
        case steps
    }

    public enum YScale: Equatable, Sendable {
        case log, linear
    }

    /// The most N values one run takes: more would not fit the table at 80 columns.
    public static let maxFdCounts = 7
    /// How many descriptors the steps page draws.
    public static let stepsFds = 8
    /// The steps page has this many steps per call.
    public static let stepCount = 4

    /// K and the N list for the next run.
    public var active: Int
    public var fdCounts: [Int]
    /// The largest N that can be opened (the fd limit minus what is open).
    public var maxFittingN: Int
    /// The plan the results below belong to.
    public var measuredPlan: MeasurementPlan?
    public var results: [ReadinessMeasurement] = []
    public var addCosts: [EpollAddCost] = []
    public var phase: Phase = .idle
    public var page: Page = .chart
    public var yScale: YScale = .log
    /// The N list being typed, while its input line is open.
    public var fdListInput: String?
    /// A one-line notice: why an input was refused.
    public var notice: String?
    public var step = 0

    public init(active: Int = 1, fdCounts: [Int] = IOMuxCommand.defaultFdCounts, maxFittingN: Int) {
        self.maxFittingN = maxFittingN
        let fitting = fdCounts.filter { $0 <= maxFittingN }
        self.fdCounts = fitting
        self.active = min(active, fitting.min() ?? active)
    }

    public var plan: MeasurementPlan { MeasurementPlan(fdCounts: fdCounts, active: active) }

    public var isMeasuring: Bool {
        if case .measuring = phase { return true } else { return false }
    }

    /// True when K or the N list differ from what the results show: a rerun is due.
    public var settingsChanged: Bool { measuredPlan != nil && measuredPlan != plan }

    public func result(_ method: MultiplexMethod, fds: Int) -> ReadinessMeasurement? {
        results.last { $0.method == method && $0.fds == fds }
    }
}

/// What the model reacts to.
public enum IOMuxEvent: Equatable, Sendable {
    case key(Key)
    case probe(ProbeEvent)
}

/// What the model asks of the screen that hosts it.
public enum IOMuxEffect: Equatable, Sendable {
    /// Stop the running measurement (if any) and wait until its descriptors are freed.
    case cancelRun
    case startRun(MeasurementPlan)
    /// Leave the demo: cancel any run at once; the host then calls `close()`.
    case close
}

extension IOMuxModel {
    /// The Elm-style update: changes the model and returns the effects to carry out.
    public mutating func update(_ event: IOMuxEvent) -> [IOMuxEffect] {
        switch event {
        case .probe(let e):
            apply(e)
            return []
        case .key(let key):
            if fdListInput != nil { return editFdList(key) }
            return handle(key)
        }
    }

    /// Starts a run of the current plan (the screen calls this when it opens).
    public mutating func start() -> [IOMuxEffect] {
        guard !fdCounts.isEmpty else {
            notice = "no N fits under the descriptor limit (\(maxFittingN) can be opened)"
            return []
        }
        results = []
        addCosts = []
        measuredPlan = plan
        notice = nil
        phase = .measuring(method: .select, fds: fdCounts[0], step: 0, of: plan.steps.count)
        return [.cancelRun, .startRun(plan)]
    }

    private mutating func apply(_ e: ProbeEvent) {
        switch e {
        case .measuring(let m, let n, let step, let total): phase = .measuring(method: m, fds: n, step: step, of: total)
        case .epollAdd(let cost): addCosts.append(cost)
        case .result(let r): results.append(r)
        case .failed(let reason): phase = .failed(reason)
        case .cancelled: phase = .cancelled
        case .finished: phase = .finished
        }
    }

    private mutating func handle(_ key: Key) -> [IOMuxEffect] {
        notice = nil
        switch key {
        case .char("q"), .escape:
            return [.close]
        case .char("r"), .enter:
            return start()
        case .char("+"), .char("="), .up:
            if active < (fdCounts.min() ?? 0) { active += 1 } else { notice = "K cannot exceed the smallest N" }
        case .char("-"), .down:
            if active > 0 { active -= 1 }
        case .char("n"):
            fdListInput = fdCounts.map(String.init).joined(separator: ",")
        case .char("l"):
            yScale = yScale == .log ? .linear : .log
        case .tab, .char("s"):
            page = page == .chart ? .steps : .chart
        case .right where page == .steps, .char(" ") where page == .steps:
            step = (step + 1) % Self.stepCount
        case .left where page == .steps:
            step = (step + Self.stepCount - 1) % Self.stepCount
        default:
            break
        }
        return []
    }

    private mutating func editFdList(_ key: Key) -> [IOMuxEffect] {
        guard var text = fdListInput else { return [] }
        switch key {
        case .escape:
            fdListInput = nil
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
            fdListInput = text
        case .char(let c) where c.isASCII && (c.isNumber || c == "," || c == " "):
            if text.count < 60 { text.append(c) }
            fdListInput = text
        case .enter:
            applyFdList(text)
        default:
            break
        }
        return []
    }

    /// Accepts a typed N list, or leaves the input open with a notice saying why not.
    private mutating func applyFdList(_ text: String) {
        let counts: [Int]
        do {
            counts = Array(Set(try IOMuxCommand.parseFdList(text))).sorted()
        } catch {
            notice = "\(error)"
            return
        }
        if let big = counts.first(where: { $0 > maxFittingN }) {
            notice = "N=\(big) does not fit: at most \(maxFittingN) descriptors can be opened"
            return
        }
        guard counts.count <= Self.maxFdCounts else {
            notice = "at most \(Self.maxFdCounts) values of N at once"
            return
        }
        fdCounts = counts
        active = min(active, counts.min() ?? active)
        fdListInput = nil
        notice = "press r to measure N=\(counts.map(String.init).joined(separator: ","))"
    }
}
