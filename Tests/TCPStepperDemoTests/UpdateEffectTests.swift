import Render
import TCPModel
import Testing

@testable import TCPStepperDemo

private func state(after keys: String, seed: UInt64 = 3) -> (TCPDemoState, [TCPDemoEffect]) {
    var s = TCPDemoState(seed: seed)
    var effects: [TCPDemoEffect] = []
    for key in keys { effects = s.update(key: .char(key)) }
    return (s, effects)
}

@Test func userCallsAskForNoEffectsWithoutKernelMode() {
    let (_, effects) = state(after: "Lc")
    #expect(effects.isEmpty)
}

@Test func turningKernelModeOnReplaysTheCallsSoFar() {
    let (_, effects) = state(after: "LcDk")
    #expect(effects == [.kernelReplay([.init(host: .server, call: .listen), .init(host: .client, call: .connect)])])
}

@Test func userCallInKernelModeIsMirroredOnSockets() {
    let (_, effects) = state(after: "kLc")
    #expect(effects == [.kernelCall(.init(host: .client, call: .connect))])
}

@Test func networkEventsHaveNoKernelCounterpart() {
    let (_, effects) = state(after: "kLcD")
    #expect(effects.isEmpty)
}

@Test func undoInKernelModeRebuildsTheSockets() {
    let (_, effects) = state(after: "kLcu")
    #expect(effects == [.kernelReplay([.init(host: .server, call: .listen)])])
}

@Test func turningKernelModeOffClosesTheSockets() {
    let (s, effects) = state(after: "kk")
    #expect(effects == [.kernelStop])
    #expect(s.kernel == nil)
}

@Test func quitAsksToClose() {
    let (_, effects) = state(after: "q")
    #expect(effects == [.close])
}
