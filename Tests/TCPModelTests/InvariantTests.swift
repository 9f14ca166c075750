import Testing
import TCPModel

/// The pairs of states no run may reach, with the reason, for two endpoints of one connection.
private func violation(_ world: TCPWorld) -> String? {
    for host in Host.allCases {
        let me = world[host], peer = world[host.peer]
        guard me.state != .closed, peer.state != .closed, me.knowsIRS, peer.knowsIRS,
            me.irs == peer.iss, peer.irs == me.iss
        else { continue }
        // Having received the peer's FIN means the peer sent one (RFC 9293 §3.6).
        if me.state.hasReceivedFIN && !peer.state.hasSentFIN {
            return "\(host.name) \(me.state.rfcName) but peer \(peer.state.rfcName)"
        }
        // FIN-WAIT-2 and TIME-WAIT mean the peer acknowledged our FIN, so it received it.
        if (me.state == .finWait2 || me.state == .timeWait) && !peer.state.hasReceivedFIN {
            return "\(host.name) \(me.state.rfcName) but peer \(peer.state.rfcName)"
        }
        // Acknowledged <= received <= sent, in sequence space.
        let una = Int32(bitPattern: peer.rcvNxt &- me.sndUna), nxt = Int32(bitPattern: me.sndNxt &- peer.rcvNxt)
        if me.state.isSynchronized && peer.state.isSynchronized && (una < 0 || nxt < 0) {
            return "\(host.name) SND.UNA=\(me.sndUna) SND.NXT=\(me.sndNxt) but peer RCV.NXT=\(peer.rcvNxt)"
        }
    }
    return nil
}

/// A random walk over valid events from a seeded generator, so a failure is reproducible.
/// ABORT is always valid and ends most connections, so it is offered only one step in five
/// to let walks reach the closing states.
private func randomWalk(seed: UInt64, length: Int, check: (TCPWorld, [String]) -> Void) {
    var world = TCPWorld(seed: seed)
    var pick = SeededGenerator(seed: seed &* 31 &+ 7)
    var trail: [String] = []
    for _ in 0..<length {
        let withAbort = Int.random(in: 0..<5, using: &pick) == 0
        let valid = world.validEvents().filter { withAbort || $0 != .call(.client, .abort) && $0 != .call(.server, .abort) }
        guard let event = valid.randomElement(using: &pick) else { break }
        world.apply(event)
        trail.append(event.scriptLine)
        check(world, trail)
    }
}

@Test func randomValidEventsNeverReachAnImpossiblePairOfStates() {
    for seed in UInt64(1)...400 {
        randomWalk(seed: seed, length: 60) { world, trail in
            if let problem = violation(world) {
                Issue.record("seed \(seed): \(problem) after \(trail.joined(separator: "; "))")
            }
        }
    }
}

@Test func validEventsNeverReportAnError() {
    for seed in UInt64(1)...200 {
        randomWalk(seed: seed, length: 40) { world, trail in
            if let error = world.lastStep?.error {
                Issue.record("seed \(seed): valid event gave \(error) after \(trail.joined(separator: "; "))")
            }
        }
    }
}

@Test func randomWalksEventuallyVisitEveryState() {
    var seen = Set<TCPState>()
    for seed in UInt64(1)...400 {
        randomWalk(seed: seed, length: 60) { world, _ in
            seen.insert(world.client.state)
            seen.insert(world.server.state)
        }
    }
    #expect(seen == Set(TCPState.allCases))
}

@Test func undoRestoresTheEarlierWorld() {
    var stepper = TCPStepper(seed: 5)
    stepper.apply(.call(.server, .listen))
    let before = stepper.world
    stepper.apply(.call(.client, .connect))
    stepper.apply(.deliver(.server))
    stepper.undo()
    stepper.undo()
    #expect(stepper.world == before)
    let undidFirst = stepper.undo()
    let undidBeyondStart = stepper.undo()
    #expect(undidFirst)
    #expect(!undidBeyondStart)
}

@Test func invalidCallsAreNotOffered() {
    let world = TCPWorld(seed: 1)
    let lines = Set(world.validEvents().map(\.scriptLine))
    #expect(lines == ["client listen", "client connect", "server listen", "server connect"])
}

@Test func abortBeforeSynchronizationSendsNoReset() {
    var world = TCPWorld(seed: 2)
    world.apply(.call(.client, .connect))
    world.apply(.call(.client, .abort))
    #expect(world.toServer.map(\.kind) == ["SYN"])
}

@Test func finWaitOneGoesStraightToTimeWaitWhenPeerFinAcksOurs() {
    var world = TCPWorld(seed: 4)
    for event in TCPScenario.named("handshake")!.events { world.apply(event) }
    world.apply(.call(.client, .close))
    world.apply(.deliver(.server))  // server: CLOSE-WAIT, ACK in flight
    world.apply(.call(.server, .close))  // FIN+ACK behind the ACK
    world.apply(.drop(.client))  // the bare ACK is lost
    world.apply(.deliver(.client))  // FIN+ACK also acknowledges the client's FIN
    #expect(world.client.state == .timeWait)
}
