/// The user calls a learner can make on a host.
public enum UserCall: String, CaseIterable, Equatable, Hashable, Sendable {
    /// Passive OPEN.
    case listen
    /// Active OPEN toward the other host.
    case connect
    case send
    case close
    case abort
}

extension Endpoint {
    /// Carries out a user call as RFC 9293 §3.10.1–§3.10.5 prescribes. A call the RFC
    /// answers with an error leaves the endpoint untouched.
    mutating func perform(_ call: UserCall, generator: inout SeededGenerator) -> Reaction {
        var r = Reaction()
        switch call {
        case .listen: passiveOpen(&r)
        case .connect: activeOpen(&r, generator: &generator)
        case .send: send(&r)
        case .close: close(&r)
        case .abort: abort(&r)
        }
        return r
    }

    private mutating func passiveOpen(_ r: inout Reaction) {
        guard state == .closed else {
            // §3.10.1 lists only the active OPEN for LISTEN; a second passive OPEN is
            // answered like every other existing connection.
            r.error = "connection already exists"
            r.note("OPEN on an existing connection returns \"error: connection already exists\" (§3.10.1).")
            return
        }
        self = .opened(passively: true)
        r.note("Passive OPEN: a TCB is created and the host waits for a SYN in LISTEN (§3.10.1).")
    }

    private mutating func activeOpen(_ r: inout Reaction, generator: inout SeededGenerator) {
        guard state == .closed || state == .listen else {
            r.error = "connection already exists"
            r.note("OPEN on an existing connection returns \"error: connection already exists\" (§3.10.1).")
            return
        }
        let wasListening = state == .listen
        self = .opened(passively: false)
        iss = generator.nextISN()
        sndUna = iss
        transmit(Segment(seq: iss, controls: .syn), into: &r)
        state = .synSent
        if wasListening {
            r.note("Active OPEN in LISTEN turns the passive connection into an active one (§3.10.1).")
        } else {
            r.note("Active OPEN: a TCB is created (§3.10.1).")
        }
        r.note("ISS=\(iss) is chosen; SYN <SEQ=ISS> is sent, SND.UNA=\(sndUna), SND.NXT=\(sndNxt), and the host enters SYN-SENT.")
    }

    private mutating func send(_ r: inout Reaction) {
        switch state {
        case .closed:
            r.error = "connection does not exist"
            r.note("SEND without a connection returns \"error: connection does not exist\" (§3.10.2).")
        case .listen:
            // A passive OPEN here never names the remote socket.
            r.error = "remote socket unspecified"
            r.note("SEND in LISTEN with no remote socket returns \"error: remote socket unspecified\" (§3.10.2).")
        case .synSent, .synReceived:
            if closeQueued {
                r.error = "connection closing"
                r.note("A CLOSE is already queued, so the SEND returns \"error: connection closing\".")
                return
            }
            queuedSends += 1
            r.note("Not yet ESTABLISHED: the data is queued for transmission after ESTABLISHED (§3.10.2).")
        case .established, .closeWait:
            transmit(ackSegment(dataLength: Endpoint.sendSize), into: &r)
            r.note("SEND segmentizes the data with a piggybacked ACK=RCV.NXT (§3.10.2); SND.NXT advances to \(sndNxt).")
        case .finWait1, .finWait2, .closing, .lastAck, .timeWait:
            r.error = "connection closing"
            r.note("After CLOSE no more data may be sent: \"error: connection closing\" (§3.10.2).")
        }
    }

    private mutating func close(_ r: inout Reaction) {
        switch state {
        case .closed:
            r.error = "connection does not exist"
            r.note("CLOSE without a connection returns \"error: connection does not exist\" (§3.10.4).")
        case .listen:
            self = Endpoint()
            r.note("CLOSE in LISTEN deletes the TCB and enters CLOSED (§3.10.4).")
        case .synSent:
            self = Endpoint()
            r.note("CLOSE in SYN-SENT deletes the TCB and enters CLOSED; no FIN is sent (§3.10.4).")
        case .synReceived:
            if closeQueued {
                r.error = "connection closing"
                r.note("A CLOSE is already queued: \"error: connection closing\".")
            } else if queuedSends > 0 {
                closeQueued = true
                r.note("SENDs are pending, so the CLOSE is queued until ESTABLISHED (§3.10.4).")
            } else {
                transmit(ackSegment(extra: .fin), into: &r)
                finSent = true
                state = .finWait1
                r.note("CLOSE in SYN-RECEIVED with nothing to send: FIN is sent and the host enters FIN-WAIT-1 (§3.10.4).")
            }
        case .established:
            transmit(ackSegment(extra: .fin), into: &r)
            finSent = true
            state = .finWait1
            r.note("CLOSE in ESTABLISHED: FIN <SEQ=\(sndNxt &- 1)> is sent and the host enters FIN-WAIT-1 (§3.10.4).")
        case .closeWait:
            transmit(ackSegment(extra: .fin), into: &r)
            finSent = true
            state = .lastAck
            r.note("CLOSE in CLOSE-WAIT: FIN is sent and the host enters LAST-ACK (§3.10.4).")
        case .finWait1, .finWait2:
            // §3.10.4 allows "ok" here too; the strict answer shows the learner that one FIN is enough.
            r.error = "connection closing"
            r.note("Choice: a second CLOSE in \(state.rfcName) gets the strict \"error: connection closing\"; §3.10.4 also permits \"ok\" without a second FIN.")
        case .closing, .lastAck, .timeWait:
            r.error = "connection closing"
            r.note("CLOSE in \(state.rfcName) returns \"error: connection closing\" (§3.10.4).")
        }
    }

    private mutating func abort(_ r: inout Reaction) {
        switch state {
        case .closed:
            r.error = "connection does not exist"
            r.note("ABORT without a connection returns \"error: connection does not exist\" (§3.10.5).")
        case .listen, .synSent:
            let was = state
            self = Endpoint()
            r.note("ABORT in \(was.rfcName): the TCB is deleted and no RST is sent, since no connection is synchronized yet (§3.10.5).")
        case .synReceived, .established, .finWait1, .finWait2, .closeWait:
            let rst = Segment(seq: sndNxt, controls: .rst)
            let was = state
            self = Endpoint()
            r.sent.append(rst)
            r.note("ABORT in \(was.rfcName): RST <SEQ=SND.NXT> is sent, all queues are flushed, the TCB is deleted (§3.10.5).")
        case .closing, .lastAck, .timeWait:
            let was = state
            self = Endpoint()
            r.note("ABORT in \(was.rfcName): \"ok\", the TCB is deleted without a RST (§3.10.5).")
        }
    }
}
