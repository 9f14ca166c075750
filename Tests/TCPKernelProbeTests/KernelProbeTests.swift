import Foundation
import Testing
import TCPKernelProbe
import TCPModel

/// Runs a kernel script with --json and returns "CLIENT/SERVER" after each step.
private func kernelStates(_ script: String) throws -> [String] {
    try kernelObjects(script).map { "\($0["client"]!)/\($0["server"]!)" }
}

private func kernelObjects(_ script: String) throws -> [[String: Any]] {
    let out = try runKernelTCPScript(text: script, json: true).get()
    return try out.split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
}

@Test func procNetTcpRowsParseIntoPortsAndStates() {
    let text = """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0100007F:9C40 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0 100 0 0 10 0
           1: 0100007F:D431 0100007F:9C40 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0
        """
    let entries = ProcNetTCP.parse(text)
    #expect(entries.count == 2)
    #expect(entries[0].localPort == 40000 && entries[0].state == .listen)
    #expect(entries[1].localPort == 0xD431 && entries[1].remotePort == 40000 && entries[1].state == .timeWait)
}

@Test func kernelHandshakeEstablishesBothEnds() throws {
    let states = try kernelStates("server listen\nclient connect\nserver accept\n")
    #expect(states == ["CLOSED/LISTEN", "ESTABLISHED/ESTABLISHED", "ESTABLISHED/ESTABLISHED"])
}

@Test func kernelActiveCloserPassesFinWait2ThenTimeWait() throws {
    let states = try kernelStates("server listen\nclient connect\nserver accept\nclient close\nserver close\n")
    #expect(states.suffix(2) == ["FIN-WAIT-2/CLOSE-WAIT", "TIME-WAIT/CLOSED"])
}

@Test func kernelAbortLeavesBothEndsClosed() throws {
    let states = try kernelStates("server listen\nclient connect\nserver accept\nclient abort\n")
    #expect(states.last == "CLOSED/CLOSED")
}

@Test func kernelConnectWithoutListenerIsRefused() throws {
    let states = try kernelStates("client connect\n")
    #expect(states == ["CLOSED/CLOSED"])
}

@Test func kernelJsonCarriesBothPorts() throws {
    let objects = try kernelObjects("server listen\nclient connect\n")
    let last = objects.last!
    #expect((last["client_port"] as? Int ?? 0) > 0)
    #expect((last["server_port"] as? Int ?? 0) > 0)
    #expect(objects.first!["client_port"] is NSNull)
}

@Test func kernelScriptRejectsModelOnlyEvents() {
    guard case .failure(let error) = runKernelTCPScript(text: "server listen\ndeliver server\n", json: true) else {
        Issue.record("expected a script error")
        return
    }
    #expect(error.description.hasPrefix("line 2: unknown event"))
}

@Test func kernelWaitIsAStep() throws {
    let states = try kernelStates("wait 1\n")
    #expect(states == ["CLOSED/CLOSED"])
}
