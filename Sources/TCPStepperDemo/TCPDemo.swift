import Render
import TCPKernelProbe
import TCPModel

/// The full-screen TCP state-machine stepper (`nettutor demo tcp`, and the `tcp-state` demo
/// block of the tcp lesson). The shell around the pure `TCPDemoState`: it runs the update,
/// carries out kernel-mode effects on loopback sockets, and draws.
public final class TCPDemo: DemoScreen {
    public private(set) var state: TCPDemoState
    private var sockets: LoopbackSockets?
    private let makeSockets: () -> LoopbackSockets
    private var ticks = 0

    /// - Parameters:
    ///   - seed: makes the ISNs repeatable (`--seed N`).
    ///   - kernel: start with kernel mode on (`--kernel`).
    ///   - makeSockets: where kernel mode's sockets come from (tests pass a fake state source).
    public init(seed: UInt64, kernel: Bool = false, makeSockets: @escaping () -> LoopbackSockets = { LoopbackSockets() }) {
        state = TCPDemoState(seed: seed)
        self.makeSockets = makeSockets
        if kernel { _ = handle(.char("k")) }
    }

    public func handle(_ key: Key) -> DemoOutcome {
        let effects = state.update(key: key)
        var outcome = DemoOutcome.keepOpen
        for effect in effects {
            switch effect {
            case .close: outcome = .close
            case .kernelStop:
                sockets?.closeAll()
                sockets = nil
            case .kernelReplay(let steps):
                sockets?.closeAll()
                let fresh = makeSockets()
                sockets = fresh
                var error: String?
                for step in steps { error = run(step, on: fresh) ?? error }
                report(error: error)
            case .kernelCall(let step):
                guard let sockets else { break }
                report(error: run(step, on: sockets))
            }
        }
        return outcome
    }

    /// Refreshes the kernel's view about twice a second, so TIME-WAIT visibly ends.
    public func tick() {
        ticks += 1
        guard let sockets, ticks % 5 == 0 else { return }
        for host in Host.allCases { sockets.acceptIfWaiting(host) }
        report(error: state.kernel?.lastError)
    }

    public func draw(into buffer: inout ScreenBuffer) {
        TCPDemoView.draw(state, into: &buffer)
    }

    public func close() {
        sockets?.closeAll()
        sockets = nil
    }

    /// The model's user calls map onto socket calls; the model has no ACCEPT, so a waiting
    /// connection is accepted on the learner's behalf.
    private func run(_ step: TCPDemoEffect.KernelStep, on sockets: LoopbackSockets) -> String? {
        let call: KernelCall
        switch step.call {
        case .listen: call = .listen
        case .connect: call = .connect
        case .send: call = .send
        case .close: call = .close
        case .abort: call = .abort
        }
        let error = sockets.perform(call, on: step.host)
        _ = sockets.settledStates()
        for host in Host.allCases { sockets.acceptIfWaiting(host) }
        return error.map { "kernel: \(step.host.name) \(step.call.rawValue): \($0)" }
    }

    private func report(error: String?) {
        guard let sockets else { return }
        var view = TCPDemoState.KernelView()
        view.states = sockets.states()
        for host in Host.allCases {
            view.ports[host] = sockets.port(of: host)
            view.listening[host] = sockets.isListening(host)
        }
        view.lastError = error
        state.kernelReported(view)
    }
}
