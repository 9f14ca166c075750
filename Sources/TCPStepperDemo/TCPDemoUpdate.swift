import Render
import TCPModel

/// Work the demo's outer shell carries out for the pure update: only kernel mode touches
/// the system.
public enum TCPDemoEffect: Equatable, Sendable {
    /// Open fresh loopback sockets and replay these user calls on them.
    case kernelReplay([KernelStep])
    /// Perform one user call on the real sockets.
    case kernelCall(KernelStep)
    /// Close every socket kernel mode holds.
    case kernelStop
    /// Leave the demo.
    case close

    public struct KernelStep: Equatable, Sendable {
        public let host: Host
        public let call: UserCall
    }
}

extension TCPDemoState {
    /// Elm-style update: one key in, the new state and the effects to run.
    public mutating func update(key: Key) -> [TCPDemoEffect] {
        message = nil
        // q leaves the demo from anywhere, overlays included; Esc closes an overlay first.
        if key == .char("q") { return [.close] }
        switch overlay {
        case .scenarios(let selected): return updateScenarioPicker(key, selected)
        case .predicting(let event, let host, let selected, let answers):
            return updatePrediction(key, event, host, selected, answers)
        case .none: break
        }
        switch key {
        case .char("q"), .escape: return [.close]
        case .char("u"), .backspace:
            guard stepper.undo() else {
                message = "Nothing to undo."
                return []
            }
            verdict = nil
            if scenario != nil { scenarioPosition = max(0, scenarioPosition - 1) }
            return kernel == nil ? [] : [.kernelReplay(kernelSteps)]
        case .char("n"):
            overlay = .scenarios(selected: 0)
            return []
        case .char("p"):
            predictMode.toggle()
            message = predictMode ? "Predict mode: before each event, say which state each host will be in." : "Predict mode off."
            return []
        case .char("k"):
            if kernel == nil {
                kernel = KernelView()
                return [.kernelReplay(kernelSteps)]
            }
            kernel = nil
            return [.kernelStop]
        case .char("r"):
            stepper.reset()
            scenarioPosition = 0
            verdict = nil
            return kernel == nil ? [] : [.kernelReplay([])]
        case .char(" "), .enter:
            guard let event = nextScenarioEvent else {
                message = scenario == nil ? "Pick a scenario with n, or fire events with their keys." : "The scenario is over."
                return []
            }
            return fire(event, fromScenario: true)
        case .char(let c):
            guard let event = EventKeys.event(for: c) else { return [] }
            guard world.validEvents().contains(event) else {
                message = "\(event.scriptLine) is not possible now."
                return []
            }
            return fire(event, fromScenario: event == nextScenarioEvent)
        default:
            return []
        }
    }

    /// Records what kernel mode reports (the shell calls this after running effects or on tick).
    public mutating func kernelReported(_ view: KernelView) {
        if kernel != nil { kernel = view }
    }

    private var kernelSteps: [TCPDemoEffect.KernelStep] {
        appliedCalls.map { TCPDemoEffect.KernelStep(host: $0.0, call: $0.1) }
    }

    private mutating func fire(_ event: TCPEvent, fromScenario: Bool) -> [TCPDemoEffect] {
        if predictMode {
            let host = Host.client
            overlay = .predicting(event: event, host: host, selected: world.state(of: host), answers: [:])
            return []
        }
        return apply(event, fromScenario: fromScenario)
    }

    private mutating func apply(_ event: TCPEvent, fromScenario: Bool) -> [TCPDemoEffect] {
        let record = stepper.apply(event)
        if fromScenario || event == nextScenarioEvent { scenarioPosition += 1 } else { scenario = nil }
        guard kernel != nil, case .call(let host, let call) = event, record.error == nil else { return [] }
        return [.kernelCall(.init(host: host, call: call))]
    }

    private mutating func updateScenarioPicker(_ key: Key, _ selected: Int) -> [TCPDemoEffect] {
        let count = TCPScenario.all.count
        switch key {
        case .up, .char("k"): overlay = .scenarios(selected: (selected + count - 1) % count)
        case .down, .char("j"), .tab: overlay = .scenarios(selected: (selected + 1) % count)
        case .escape, .char("n"): overlay = .none
        case .enter, .char(" "):
            overlay = .none
            scenario = TCPScenario.all[selected]
            scenarioPosition = 0
            stepper.reset()
            verdict = nil
            message = "\(TCPScenario.all[selected].title): press space for each event, u to go back."
            return kernel == nil ? [] : [.kernelReplay([])]
        case .char(let c):
            if let n = c.wholeNumberValue, n >= 1, n <= count { return updateScenarioPicker(.enter, n - 1) }
        default: break
        }
        return []
    }

    private mutating func updatePrediction(
        _ key: Key, _ event: TCPEvent, _ host: Host, _ selected: TCPState, _ answers: [Host: TCPState]
    ) -> [TCPDemoEffect] {
        let states = TCPState.allCases
        let index = states.firstIndex(of: selected)!
        switch key {
        case .up, .left:
            overlay = .predicting(event: event, host: host, selected: states[(index + states.count - 1) % states.count], answers: answers)
        case .down, .right, .tab:
            overlay = .predicting(event: event, host: host, selected: states[(index + 1) % states.count], answers: answers)
        case .escape:
            overlay = .none
            message = "Prediction cancelled; the event was not fired."
        case .enter, .char(" "):
            var answers = answers
            answers[host] = selected
            if host == .client {
                overlay = .predicting(event: event, host: .server, selected: world.state(of: .server), answers: answers)
                return []
            }
            overlay = .none
            let effects = apply(event, fromScenario: event == nextScenarioEvent)
            grade(answers)
            return effects
        default: break
        }
        return []
    }

    private mutating func grade(_ answers: [Host: TCPState]) {
        var parts: [String] = []
        for host in Host.allCases {
            let actual = world.state(of: host)
            let guess = answers[host] ?? actual
            score.asked += 1
            if guess == actual {
                score.right += 1
                parts.append("\(host.name) \(actual.rfcName) ✓")
            } else {
                parts.append("\(host.name) \(actual.rfcName) ✗ (you said \(guess.rfcName))")
            }
        }
        verdict = "Prediction: " + parts.joined(separator: ", ") + "  score \(score.right)/\(score.asked)"
    }
}
