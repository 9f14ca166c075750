import TCPModel

/// Everything the TCP demo shows, as one value; `TCPDemoState.update` is its only mutator.
public struct TCPDemoState: Equatable, Sendable {
    public enum Overlay: Equatable, Sendable {
        case none
        /// The scenario list with the highlighted row.
        case scenarios(selected: Int)
        /// Predict mode: the learner picks each host's next state before `event` applies.
        case predicting(event: TCPEvent, host: Host, selected: TCPState, answers: [Host: TCPState])
    }

    /// What the kernel reports beside the model, when kernel mode is on.
    public struct KernelView: Equatable, Sendable {
        public var states: [Host: TCPState] = [:]
        public var ports: [Host: UInt16] = [:]
        public var listening: [Host: Bool] = [:]
        public var lastError: String?
        public init() {}
    }

    public internal(set) var stepper: TCPStepper
    public internal(set) var overlay: Overlay = .none
    public internal(set) var predictMode = false
    public internal(set) var score = (right: 0, asked: 0)
    /// The verdict on the last prediction, shown above the explanation.
    public internal(set) var verdict: String?
    /// The scenario being stepped through with space, and how far.
    public internal(set) var scenario: TCPScenario?
    public internal(set) var scenarioPosition = 0
    public internal(set) var kernel: KernelView?
    /// A one-line message for keys that do nothing now.
    public internal(set) var message: String?

    public init(seed: UInt64) { stepper = TCPStepper(seed: seed) }

    public var world: TCPWorld { stepper.world }

    public static func == (a: TCPDemoState, b: TCPDemoState) -> Bool {
        a.stepper == b.stepper && a.overlay == b.overlay && a.predictMode == b.predictMode
            && a.score == b.score && a.verdict == b.verdict && a.scenario == b.scenario
            && a.scenarioPosition == b.scenarioPosition && a.kernel == b.kernel && a.message == b.message
    }

    /// The next event of the scenario being played, if it is still valid.
    public var nextScenarioEvent: TCPEvent? {
        guard let scenario, scenarioPosition < scenario.events.count else { return nil }
        return scenario.events[scenarioPosition]
    }

    /// The user calls applied so far, in order, for replaying on real sockets.
    var appliedCalls: [(Host, UserCall)] {
        world.steps.compactMap { step in
            if case .call(let h, let c) = step.event, step.error == nil { return (h, c) }
            return nil
        }
    }
}
