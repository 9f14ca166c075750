import Foundation

/// Runs a probe on its own Thread so the screen stays responsive. Events land in a
/// lock-protected queue the screen drains on each tick; `cancel()` takes effect at the
/// probe's next check (one timed run, at most ~100 ms) and `waitUntilFinished()` returns
/// once the probe has closed every descriptor.
public final class MeasurementRunner: @unchecked Sendable {
    private let probe: any IOMuxProbe
    private let plan: MeasurementPlan
    // `condition` guards every field below.
    private let condition = NSCondition()
    private var queue: [ProbeEvent] = []
    private var cancelRequested = false
    private var started = false
    private var finished = false

    public init(probe: any IOMuxProbe, plan: MeasurementPlan) {
        self.probe = probe
        self.plan = plan
    }

    /// Starts the measuring thread; a second call does nothing.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        let thread = Thread { [self] in
            probe.run(plan, isCancelled: { self.isCancelled }, deliver: { self.enqueue($0) })
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "nettutor iomux probe"
        thread.start()
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelRequested
    }

    private func enqueue(_ event: ProbeEvent) {
        condition.lock()
        queue.append(event)
        condition.unlock()
    }

    /// The events delivered since the last drain, oldest first.
    public func drain() -> [ProbeEvent] {
        condition.lock()
        defer { condition.unlock() }
        let events = queue
        queue.removeAll()
        return events
    }

    /// Asks the probe to stop; returns at once.
    public func cancel() {
        condition.lock()
        cancelRequested = true
        condition.unlock()
    }

    /// True once the probe has returned (and so freed everything), or if never started.
    public var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return finished || !started
    }

    /// Blocks until the probe has returned; returns false if `timeout` passed first.
    @discardableResult
    public func waitUntilFinished(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while started && !finished {
            if !condition.wait(until: deadline) { return finished }
        }
        return true
    }
}
