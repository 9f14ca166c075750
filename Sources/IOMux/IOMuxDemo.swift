import Render

/// `nettutor demo iomux` and the lesson's `iomux` demo block: the model, its views, and a
/// background runner for the probe. Measuring starts when the screen opens.
public final class IOMuxDemo: DemoScreen {
    public private(set) var model: IOMuxModel
    private let probe: any IOMuxProbe
    private var runner: MeasurementRunner?
    private var closed = false

    /// - Parameters:
    ///   - probe: the real `SystemIOMuxProbe` by default; tests pass a fake.
    ///   - maxFittingN: the largest N that can be opened; by default read from the fd limit
    ///     (raising the soft limit to the hard one). The default N list is cut to it.
    ///   - startMeasuring: start the first run at once (tests of the idle screen pass false).
    public init(
        probe: any IOMuxProbe = SystemIOMuxProbe(),
        fdCounts: [Int] = IOMuxCommand.defaultFdCounts,
        active: Int = IOMuxCommand.defaultActive,
        maxFittingN: Int? = nil,
        startMeasuring: Bool = true
    ) {
        self.probe = probe
        model = IOMuxModel(
            active: active, fdCounts: fdCounts,
            maxFittingN: maxFittingN ?? DescriptorLimit.largestFittingN().n)
        if startMeasuring { perform(model.start()) }
    }

    public func handle(_ key: Key) -> DemoOutcome {
        let effects = model.update(.key(key))
        perform(effects)
        return effects.contains(.close) ? .close : .keepOpen
    }

    /// Moves the results that arrived since the last tick into the model.
    public func tick() {
        guard let runner else { return }
        for event in runner.drain() { _ = model.update(.probe(event)) }
    }

    public func draw(into buffer: inout ScreenBuffer) {
        IOMuxView.draw(model, into: &buffer)
    }

    /// Cancels a run in progress and returns once its descriptors are closed.
    public func close() {
        guard !closed else { return }
        closed = true
        stopRunner()
    }

    private func perform(_ effects: [IOMuxEffect]) {
        for effect in effects {
            switch effect {
            case .cancelRun: stopRunner()
            case .startRun(let plan):
                guard !closed else { return }
                let r = MeasurementRunner(probe: probe, plan: plan)
                runner = r
                r.start()
            case .close:
                // Stop at once without blocking the key handler; close() waits for the
                // probe to have closed its descriptors.
                runner?.cancel()
            }
        }
    }

    private func stopRunner() {
        guard let r = runner else { return }
        r.cancel()
        // Bounded by one timed run (~50-100 ms) of the probe.
        r.waitUntilFinished()
        runner = nil
    }
}
