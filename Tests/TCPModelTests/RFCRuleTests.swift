import Testing
@testable import TCPModel

/// A world after the three-way handshake.
private func established(seed: UInt64 = 11) -> TCPWorld {
    var world = TCPWorld(seed: seed)
    for event in TCPScenario.named("handshake")!.events { world.apply(event) }
    return world
}

@Test func openOnAnExistingConnectionSaysItAlreadyExists() {
    var world = established()
    let record = world.apply(.call(.client, .connect))
    #expect(record.error == "connection already exists")
    #expect(world.client.state == .established)
}

@Test func sendAfterCloseSaysConnectionClosing() {
    var world = established()
    world.apply(.call(.client, .close))
    #expect(world.apply(.call(.client, .send)).error == "connection closing")
}

@Test func secondCloseInFinWaitSaysConnectionClosing() {
    var world = established()
    world.apply(.call(.client, .close))
    let record = world.apply(.call(.client, .close))
    #expect(record.error == "connection closing")
    #expect(world.toServer.count == 1)
}

@Test func sendInListenSaysRemoteSocketUnspecified() {
    var world = TCPWorld(seed: 1)
    world.apply(.call(.server, .listen))
    #expect(world.apply(.call(.server, .send)).error == "remote socket unspecified")
}

@Test func callsOnClosedHostSayConnectionDoesNotExist() {
    var world = TCPWorld(seed: 1)
    for call in [UserCall.send, .close, .abort] {
        #expect(world.apply(.call(.client, call)).error == "connection does not exist")
    }
    #expect(world.steps.allSatisfy { $0.after[.client] == .closed })
}

@Test func connectFromListenBecomesActiveOpen() {
    var world = TCPWorld(seed: 1)
    world.apply(.call(.server, .listen))
    world.apply(.call(.server, .connect))
    #expect(world.server.state == .synSent)
    #expect(world.toClient.map(\.kind) == ["SYN"])
}

@Test func closedHostAnswersAckBearingSegmentWithPlainRst() {
    var world = established()
    world.apply(.call(.server, .abort))
    world.apply(.drop(.client))  // the server's RST is lost: the client still believes
    world.apply(.call(.client, .send))
    world.apply(.deliver(.server))
    let rst = world.toClient[0]
    #expect(rst.kind == "RST")
    #expect(rst.seq == world.client.rcvNxt)  // <SEQ=SEG.ACK>
    world.apply(.deliver(.client))
    #expect(world.client.state == .closed)
}

@Test func listenAnswersAnAckWithRst() {
    var world = TCPWorld(seed: 3)
    world.apply(.call(.server, .listen))
    world.apply(.call(.client, .connect))
    world.apply(.deliver(.server))
    world.apply(.call(.server, .abort))  // SYN-RECEIVED: RST toward the client
    world.apply(.call(.server, .listen))
    world.apply(.drop(.client))  // SYN+ACK lost
    world.apply(.drop(.client))  // RST lost
    world.apply(.timeout(.client))  // SYN again, into the fresh LISTEN
    #expect(world.server.state == .listen)
    world.apply(.deliver(.server))
    #expect(world.server.state == .synReceived)
}

@Test func dataIsAcknowledgedAndAdvancesRcvNxt() {
    var world = established()
    let before = world.server.rcvNxt
    world.apply(.call(.client, .send))
    world.apply(.deliver(.server))
    #expect(world.server.rcvNxt == before &+ 100)
    #expect(world.toClient.map(\.kind) == ["ACK"])
    world.apply(.deliver(.client))
    #expect(world.client.retransmissionQueue.isEmpty)
}

@Test func outOfOrderDataIsHeldUntilTheGapIsFilled() {
    var world = established()
    world.apply(.call(.client, .send))
    world.apply(.call(.client, .send))
    world.apply(.drop(.server))
    world.apply(.deliver(.server))  // second segment: beyond RCV.NXT
    #expect(world.server.heldSegments.count == 1)
    #expect(world.toClient.last?.ack == world.client.sndUna)  // duplicate ACK
    world.apply(.timeout(.client))  // first segment again
    world.apply(.deliver(.server))
    #expect(world.server.heldSegments.isEmpty)
    #expect(world.server.rcvNxt == world.client.sndNxt)
}

@Test func synInSynchronizedStateGetsChallengeAck() {
    var world = established()
    world.apply(.call(.client, .abort))
    world.apply(.drop(.server))  // the RST is lost; the server still believes
    world.apply(.call(.client, .connect))  // a new SYN with a new ISN
    let record = world.apply(.deliver(.server))
    #expect(world.server.state == .established)
    #expect(record.explanation.contains { $0.contains("challenge ACK") || $0.contains("not acceptable") })
    #expect(world.toClient.map(\.kind) == ["ACK"])
}

@Test func rstWithWrongSequenceInWindowGetsChallengeAck() {
    var world = established()
    world.apply(.call(.client, .send))
    world.apply(.drop(.server))  // the data is lost, so the RST's SEQ is past RCV.NXT
    world.apply(.call(.client, .abort))
    let record = world.apply(.deliver(.server))
    #expect(world.server.state == .established)
    #expect(record.explanation.contains { $0.hasPrefix("Choice: RFC 5961 §3") })
    world.apply(.deliver(.client))  // the challenge ACK reaches the CLOSED client
    world.apply(.deliver(.server))  // whose RST now carries exactly RCV.NXT
    #expect(world.server.state == .closed)
}

@Test func closeInSynReceivedWithQueuedSendWaitsForEstablished() {
    var world = TCPWorld(seed: 5)
    world.apply(.call(.server, .listen))
    world.apply(.call(.client, .connect))
    world.apply(.deliver(.server))
    world.apply(.call(.server, .send))
    world.apply(.call(.server, .close))
    #expect(world.server.state == .synReceived)
    #expect(world.toClient.map(\.kind) == ["SYN+ACK"])
    world.apply(.deliver(.client))
    world.apply(.deliver(.server))
    #expect(world.server.state == .finWait1)
    #expect(world.toClient.map(\.kind) == ["DATA+ACK", "FIN+ACK"])
}

@Test func abortInTimeWaitSendsNoRst() {
    var world = TCPWorld(seed: 6)
    for event in TCPScenario.named("close")!.events.dropLast() { world.apply(event) }
    world.apply(.call(.client, .abort))
    #expect(world.client.state == .closed)
    #expect(world.toServer.isEmpty)
}

@Test func retransmittedSynAckIsRebuiltWithCurrentAck() {
    var world = TCPWorld(seed: 8)
    world.apply(.call(.server, .listen))
    world.apply(.call(.client, .connect))
    world.apply(.deliver(.server))
    world.apply(.drop(.client))
    world.apply(.timeout(.server))
    #expect(world.toClient.map(\.summary) == ["SYN+ACK seq=\(world.server.iss) ack=\(world.client.iss &+ 1)"])
}

@Test func sequenceComparisonWrapsAround() {
    #expect(SequenceSpace.lessThan(UInt32.max, 0))
    #expect(!SequenceSpace.lessThan(0, UInt32.max))
    #expect(SequenceSpace.inHalfOpen(1, after: UInt32.max, upTo: 2))
}
