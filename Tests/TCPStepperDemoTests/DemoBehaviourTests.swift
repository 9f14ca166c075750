import Render
import TCPModel
import Testing

@testable import TCPStepperDemo

private func screen(_ demo: TCPDemo, _ width: Int, _ height: Int) -> String {
    var buffer = ScreenBuffer(width: width, height: height)
    demo.draw(into: &buffer)
    return buffer.text()
}

@Test func essentialsStayVisibleAt80x24() {
    let d = demo(playing: "close", events: 8)
    let text = screen(d, 80, 24)
    #expect(text.contains("client  FIN-WAIT-2"))
    #expect(text.contains("server  CLOSE-WAIT"))
    #expect(text.contains("FIN+ACK seq="))
    #expect(text.contains("FIN-WAIT-1 becomes FIN-WAIT-2"))
}

@Test func drawingSurvivesEverySize() {
    let d = demo(playing: "simultaneous-close")
    for (w, h) in [(10, 3), (20, 6), (40, 12), (79, 23), (80, 24), (100, 30), (120, 40), (200, 60)] {
        var buffer = ScreenBuffer(width: w, height: h)
        d.draw(into: &buffer)
        #expect(buffer.width == w && buffer.height == h)
    }
}

/// The two key rows at the bottom of the screen.
private func keyRows(_ demo: TCPDemo) -> String {
    screen(demo, 80, 24).split(separator: "\n", omittingEmptySubsequences: false).suffix(2).joined(separator: "\n")
}

@Test func onlyValidEventsAreOfferedOnKeys() {
    let text = keyRows(TCPDemo(seed: 1))
    #expect(text.contains("l/L listen"))
    #expect(text.contains("c/C connect"))
    #expect(!text.contains("deliver"))
    #expect(!text.contains("close"))
}

@Test func keyForAnInvalidEventChangesNothing() {
    let d = TCPDemo(seed: 1)
    _ = d.handle(.char("x"))
    #expect(d.state.world.steps.isEmpty)
    #expect(d.state.message == "client close is not possible now.")
}

@Test func keyLineNamesTheHostWhenOnlyOneCanAct() {
    let d = TCPDemo(seed: 1)
    _ = d.handle(.char("L"))
    let text = keyRows(d)
    #expect(text.contains("l client listen"))
    #expect(text.contains("X server close"))
}

@Test func eventKeysFireEvents() {
    let d = TCPDemo(seed: 1)
    _ = d.handle(.char("L"))
    _ = d.handle(.char("c"))
    _ = d.handle(.char("D"))
    #expect(d.state.world.server.state == .synReceived)
}

@Test func undoStepsBackAnyNumberOfTimes() {
    let d = demo(playing: "close")
    let steps = d.state.world.steps.count
    for _ in 0..<steps { _ = d.handle(.char("u")) }
    #expect(d.state.world.steps.isEmpty)
    _ = d.handle(.char("u"))
    #expect(d.state.message == "Nothing to undo.")
}

@Test func scenarioAdvancesWithSpace() {
    let d = demo(playing: "refused", events: 2)
    #expect(d.state.nextScenarioEvent == .deliver(.client))
    _ = d.handle(.char(" "))
    #expect(d.state.world.client.state == .closed)
    #expect(d.state.nextScenarioEvent == nil)
}

@Test func predictModeAsksBeforeApplyingAndScores() {
    let d = demo(playing: "handshake", events: 2)
    _ = d.handle(.char("p"))
    _ = d.handle(.char(" "))
    #expect(d.state.world.steps.count == 2)
    _ = d.handle(.enter)  // client stays SYN-SENT: right
    _ = d.handle(.enter)  // server stays LISTEN: wrong, it becomes SYN-RECEIVED
    #expect(d.state.world.server.state == .synReceived)
    #expect(d.state.score == (right: 1, asked: 2) ? true : false)
    #expect(d.state.verdict?.contains("you said LISTEN") == true)
}

@Test func escapeCancelsAPrediction() {
    let d = demo(playing: "handshake", events: 2)
    _ = d.handle(.char("p"))
    _ = d.handle(.char(" "))
    _ = d.handle(.escape)
    #expect(d.state.world.steps.count == 2)
    #expect(d.state.overlay == .none)
}

@Test func quitClosesTheDemo() {
    #expect(TCPDemo(seed: 1).handle(.char("q")) == .close)
}

@Test func kernelModeMirrorsUserCallsOnRealSockets() {
    let d = TCPDemo(seed: 1)
    _ = d.handle(.char("L"))
    _ = d.handle(.char("c"))
    _ = d.handle(.char("k"))
    #expect(d.state.kernel?.states[.client] == .established)
    #expect(d.state.kernel?.states[.server] == .established)
    _ = d.handle(.char("a"))
    #expect(d.state.kernel?.states[.client] == .closed)
    #expect(d.state.kernel?.states[.server] == .closed)
    _ = d.handle(.char("k"))
    #expect(d.state.kernel == nil)
    d.close()
}

@Test func kernelModeShowsActiveCloserInFinWait2() {
    let d = TCPDemo(seed: 1, kernel: true)
    for key in ["L", "c", "x"] { _ = d.handle(.char(Character(key))) }
    #expect(d.state.kernel?.states[.client] == .finWait2)
    #expect(d.state.kernel?.states[.server] == .closeWait)
    d.close()
}

@Test func retransmittedSegmentsAreMarkedInTheSequenceDiagram() {
    let text = screen(demo(playing: "lost-syn", events: 4), 80, 24)
    #expect(text.contains("↻ SYN seq="))
    #expect(text.contains("✗ lost"))
}

@Test func droppedSegmentTowardTheClientIsMarkedToo() {
    let d = demo(playing: "handshake", events: 3)
    _ = d.handle(.char("z"))
    let text = screen(d, 80, 24)
    #expect(text.contains("lost  ✗─ SYN+ACK seq="))
}

@Test func qLeavesTheDemoEvenWithTheScenarioPickerOpen() {
    let demo = TCPDemo(seed: 1)
    #expect(demo.handle(.char("n")) == .keepOpen)
    #expect(demo.handle(.char("q")) == .close)
}
