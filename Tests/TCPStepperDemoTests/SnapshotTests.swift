import Foundation
import Render
import TCPModel
import Testing

@testable import TCPStepperDemo

/// Compares a drawn screen with Snapshots/<name>.txt; RECORD_SNAPSHOTS=1 rewrites the file.
func assertSnapshot(_ demo: TCPDemo, width: Int, height: Int, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    var buffer = ScreenBuffer(width: width, height: height)
    demo.draw(into: &buffer)
    let text = buffer.text() + "\n"
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(text == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}

/// A demo with a scenario played through `count` events (all of it when nil).
func demo(playing scenario: String, events count: Int? = nil, seed: UInt64 = 42) -> TCPDemo {
    let demo = TCPDemo(seed: seed)
    let index = TCPScenario.all.firstIndex { $0.name == scenario }!
    _ = demo.handle(.char("n"))
    for _ in 0..<index { _ = demo.handle(.down) }
    _ = demo.handle(.enter)
    for _ in 0..<(count ?? TCPScenario.all[index].events.count) { _ = demo.handle(.char(" ")) }
    return demo
}

@Test func startScreenAt80x24() throws {
    try assertSnapshot(TCPDemo(seed: 42), width: 80, height: 24, named: "start-80x24")
}

@Test func handshakeAt80x24() throws {
    try assertSnapshot(demo(playing: "handshake"), width: 80, height: 24, named: "handshake-80x24")
}

@Test func lostFinalAckAt80x24KeepsLastArrows() throws {
    try assertSnapshot(demo(playing: "lost-final-ack", events: 13), width: 80, height: 24, named: "lost-final-ack-80x24")
}

@Test func lostFinalAckAt120x40ShowsStateDiagram() throws {
    try assertSnapshot(demo(playing: "lost-final-ack", events: 13), width: 120, height: 40, named: "lost-final-ack-120x40")
}

@Test func simultaneousOpenAt120x40() throws {
    try assertSnapshot(demo(playing: "simultaneous-open", events: 4), width: 120, height: 40, named: "simultaneous-open-120x40")
}

@Test func scenarioPickerAt80x24() throws {
    let d = TCPDemo(seed: 42)
    _ = d.handle(.char("n"))
    _ = d.handle(.down)
    try assertSnapshot(d, width: 80, height: 24, named: "scenarios-80x24")
}

@Test func predictionQuestionAt80x24() throws {
    let d = demo(playing: "handshake", events: 2)
    _ = d.handle(.char("p"))
    _ = d.handle(.char(" "))
    try assertSnapshot(d, width: 80, height: 24, named: "predict-80x24")
}
