import Testing
@testable import TCPModel

/// Runs a scenario and returns (client, server) states after each event.
private func states(_ name: String, seed: UInt64 = 7) -> [String] {
    var world = TCPWorld(seed: seed)
    return TCPScenario.named(name)!.events.map { event in
        let r = world.apply(event)
        #expect(r.error == nil, "\(event.scriptLine): \(r.error ?? "")")
        return "\(world.client.state.rfcName)/\(world.server.state.rfcName)"
    }
}

@Test func threeWayHandshakeEstablishesBothHosts() {
    #expect(states("handshake") == [
        "CLOSED/LISTEN", "SYN-SENT/LISTEN", "SYN-SENT/SYN-RECEIVED", "ESTABLISHED/SYN-RECEIVED",
        "ESTABLISHED/ESTABLISHED",
    ])
}

@Test func connectionToClosedHostIsRefusedByRstAck() {
    var world = TCPWorld(seed: 1)
    world.apply(.call(.client, .connect))
    world.apply(.deliver(.server))
    let rst = world.toClient[0]
    #expect(rst.kind == "RST+ACK")
    #expect(rst.seq == 0 && rst.ack == world.client.iss &+ 1)
    world.apply(.deliver(.client))
    #expect(world.client.state == .closed)
}

@Test func simultaneousOpenPassesThroughSynReceived() {
    #expect(states("simultaneous-open") == [
        "SYN-SENT/CLOSED", "SYN-SENT/SYN-SENT", "SYN-SENT/SYN-RECEIVED", "SYN-RECEIVED/SYN-RECEIVED",
        "ESTABLISHED/SYN-RECEIVED", "ESTABLISHED/ESTABLISHED",
    ])
}

@Test func normalCloseLeavesActiveCloserInTimeWait() {
    #expect(states("close").suffix(7) == [
        "FIN-WAIT-1/ESTABLISHED", "FIN-WAIT-1/CLOSE-WAIT", "FIN-WAIT-2/CLOSE-WAIT", "FIN-WAIT-2/LAST-ACK",
        "TIME-WAIT/LAST-ACK", "TIME-WAIT/CLOSED", "CLOSED/CLOSED",
    ])
}

@Test func simultaneousClosePassesThroughClosing() {
    #expect(states("simultaneous-close").suffix(8) == [
        "FIN-WAIT-1/ESTABLISHED", "FIN-WAIT-1/FIN-WAIT-1", "FIN-WAIT-1/CLOSING", "CLOSING/CLOSING",
        "TIME-WAIT/CLOSING", "TIME-WAIT/TIME-WAIT", "CLOSED/TIME-WAIT", "CLOSED/CLOSED",
    ])
}

@Test func lostSynIsRetransmittedOnTimeout() {
    #expect(states("lost-syn") == [
        "CLOSED/LISTEN", "SYN-SENT/LISTEN", "SYN-SENT/LISTEN", "SYN-SENT/LISTEN", "SYN-SENT/SYN-RECEIVED",
        "ESTABLISHED/SYN-RECEIVED", "ESTABLISHED/ESTABLISHED",
    ])
}

@Test func timeWaitReacknowledgesRetransmittedFin() {
    #expect(states("lost-final-ack").suffix(10) == [
        "FIN-WAIT-1/ESTABLISHED", "FIN-WAIT-1/CLOSE-WAIT", "FIN-WAIT-2/CLOSE-WAIT", "FIN-WAIT-2/LAST-ACK",
        "TIME-WAIT/LAST-ACK", "TIME-WAIT/LAST-ACK", "TIME-WAIT/LAST-ACK", "TIME-WAIT/LAST-ACK",
        "TIME-WAIT/CLOSED", "CLOSED/CLOSED",
    ])
}

@Test func rstInSynReceivedReturnsPassiveOpenToListen() {
    #expect(states("rst-syn-received") == [
        "CLOSED/LISTEN", "SYN-SENT/LISTEN", "SYN-SENT/SYN-RECEIVED", "CLOSED/SYN-RECEIVED",
        "CLOSED/SYN-RECEIVED", "CLOSED/LISTEN",
    ])
}

@Test func abortInEstablishedResetsPeer() {
    #expect(states("abort").suffix(2) == ["CLOSED/ESTABLISHED", "CLOSED/CLOSED"])
}
