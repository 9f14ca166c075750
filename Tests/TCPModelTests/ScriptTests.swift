import Foundation
import Testing
import TCPModel

/// Runs a script with --json and returns "CLIENT/SERVER" after each step.
private func jsonStates(_ script: String, seed: UInt64 = 42) throws -> [String] {
    let out = try runTCPScript(text: script, json: true, seed: seed).get()
    return try out.split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        return "\(object["client"]!)/\(object["server"]!)"
    }
}

private func script(_ name: String) -> String { TCPScenario.named(name)!.script }

private let handshakeStates = [
    "CLOSED/LISTEN", "SYN-SENT/LISTEN", "SYN-SENT/SYN-RECEIVED", "ESTABLISHED/SYN-RECEIVED", "ESTABLISHED/ESTABLISHED",
]

@Test func handshakeScriptReportsStatesAfterEachStep() throws {
    #expect(try jsonStates(script("handshake")) == handshakeStates)
}

@Test func refusedScriptEndsWithClientClosed() throws {
    #expect(try jsonStates(script("refused")) == ["SYN-SENT/CLOSED", "SYN-SENT/CLOSED", "CLOSED/CLOSED"])
}

@Test func simultaneousOpenScriptReportsStatesAfterEachStep() throws {
    #expect(try jsonStates(script("simultaneous-open")) == [
        "SYN-SENT/CLOSED", "SYN-SENT/SYN-SENT", "SYN-SENT/SYN-RECEIVED", "SYN-RECEIVED/SYN-RECEIVED",
        "ESTABLISHED/SYN-RECEIVED", "ESTABLISHED/ESTABLISHED",
    ])
}

@Test func normalCloseScriptReportsStatesAfterEachStep() throws {
    #expect(try jsonStates(script("close")) == handshakeStates + [
        "FIN-WAIT-1/ESTABLISHED", "FIN-WAIT-1/CLOSE-WAIT", "FIN-WAIT-2/CLOSE-WAIT", "FIN-WAIT-2/LAST-ACK",
        "TIME-WAIT/LAST-ACK", "TIME-WAIT/CLOSED", "CLOSED/CLOSED",
    ])
}

@Test func simultaneousCloseScriptReportsStatesAfterEachStep() throws {
    #expect(try jsonStates(script("simultaneous-close")) == handshakeStates + [
        "FIN-WAIT-1/ESTABLISHED", "FIN-WAIT-1/FIN-WAIT-1", "FIN-WAIT-1/CLOSING", "CLOSING/CLOSING",
        "TIME-WAIT/CLOSING", "TIME-WAIT/TIME-WAIT", "CLOSED/TIME-WAIT", "CLOSED/CLOSED",
    ])
}

@Test func lostSynScriptReportsStatesAfterEachStep() throws {
    #expect(try jsonStates(script("lost-syn")) == [
        "CLOSED/LISTEN", "SYN-SENT/LISTEN", "SYN-SENT/LISTEN", "SYN-SENT/LISTEN", "SYN-SENT/SYN-RECEIVED",
        "ESTABLISHED/SYN-RECEIVED", "ESTABLISHED/ESTABLISHED",
    ])
}

@Test func lostFinalAckScriptReportsStatesAfterEachStep() throws {
    #expect(try jsonStates(script("lost-final-ack")) == handshakeStates + [
        "FIN-WAIT-1/ESTABLISHED", "FIN-WAIT-1/CLOSE-WAIT", "FIN-WAIT-2/CLOSE-WAIT", "FIN-WAIT-2/LAST-ACK",
        "TIME-WAIT/LAST-ACK", "TIME-WAIT/LAST-ACK", "TIME-WAIT/LAST-ACK", "TIME-WAIT/LAST-ACK",
        "TIME-WAIT/CLOSED", "CLOSED/CLOSED",
    ])
}

@Test func rstInSynReceivedScriptReportsStatesAfterEachStep() throws {
    #expect(try jsonStates(script("rst-syn-received")) == [
        "CLOSED/LISTEN", "SYN-SENT/LISTEN", "SYN-SENT/SYN-RECEIVED", "CLOSED/SYN-RECEIVED",
        "CLOSED/SYN-RECEIVED", "CLOSED/LISTEN",
    ])
}

@Test func abortScriptReportsStatesAfterEachStep() throws {
    #expect(try jsonStates(script("abort")) == handshakeStates + ["CLOSED/ESTABLISHED", "CLOSED/CLOSED"])
}

@Test func jsonLineHasTheIssueFieldsInOrder() throws {
    let out = try runTCPScript(text: "client connect\n", json: true, seed: 42).get()
    let world = { var w = TCPWorld(seed: 42); w.apply(.call(.client, .connect)); return w }()
    #expect(out == """
        {"step": 1, "event": "client connect", "client": "SYN-SENT", "server": "CLOSED", "to_client": [], \
        "to_server": ["SYN seq=\(world.client.iss) ack=0"], "error": null}

        """)
}

@Test func dataSegmentsCarryTheirLength() throws {
    let out = try runTCPScript(text: script("handshake") + "client send\n", json: true, seed: 3).get()
    #expect(out.split(separator: "\n").last!.contains(#"DATA+ACK seq="#))
    #expect(out.split(separator: "\n").last!.contains(#" len=100"]"#))
}

@Test func invalidCallReportsTheRfcErrorAndChangesNothing() throws {
    let out = try runTCPScript(text: "client close\n", json: true, seed: 1).get()
    #expect(out.contains(#""client": "CLOSED""#))
    #expect(out.contains(#""error": "connection does not exist""#))
}

@Test func commentsAndBlankLinesAreSkipped() throws {
    #expect(try jsonStates("# a comment\n\n  server listen   # passive open\n\n") == ["CLOSED/LISTEN"])
}

@Test func eventFieldIsTheLineWithoutComment() throws {
    let out = try runTCPScript(text: "  server listen  # why not\n", json: true, seed: 1).get()
    #expect(out.contains(#""event": "server listen""#))
}

@Test func unknownLineStopsWithItsLineNumber() {
    let result = runTCPScript(text: "server listen\n# fine\nclient jump\n", json: false, seed: 1)
    guard case .failure(let error) = result else {
        Issue.record("expected a script error")
        return
    }
    #expect(error.line == 3)
    #expect(error.description.hasPrefix("line 3: unknown event \"client jump\""))
}

@Test func readableTextShowsStatesFlightsAndExplanation() throws {
    let out = try runTCPScript(text: "server listen\n", json: false, seed: 1).get()
    #expect(out.hasPrefix("1. server listen\n   client CLOSED         server LISTEN\n   to client: none\n   to server: none\n   | Passive OPEN"))
}

@Test func sameSeedGivesSameOutput() throws {
    let a = try runTCPScript(text: script("close"), json: true, seed: 9).get()
    let b = try runTCPScript(text: script("close"), json: true, seed: 9).get()
    let c = try runTCPScript(text: script("close"), json: true, seed: 10).get()
    #expect(a == b)
    #expect(a != c)
}
