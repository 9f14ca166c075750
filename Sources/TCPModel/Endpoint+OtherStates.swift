extension Endpoint {
    /// RFC 9293 §3.10.7.4 acceptability test (Table 6).
    func isAcceptable(_ seg: Segment) -> Bool {
        let end = rcvNxt &+ rcvWnd
        func inWindow(_ x: UInt32) -> Bool {
            SequenceSpace.lessOrEqual(rcvNxt, x) && SequenceSpace.lessThan(x, end)
        }
        switch (seg.length, rcvWnd) {
        case (0, 0): return seg.seq == rcvNxt
        case (0, _): return inWindow(seg.seq)
        case (_, 0): return false
        default: return inWindow(seg.seq) || inWindow(seg.seq &+ seg.length &- 1)
        }
    }

    /// SEGMENT ARRIVES in SYN-RECEIVED and the synchronized states, RFC 9293 §3.10.7.4.
    mutating func receiveSynchronizing(_ original: Segment, _ r: inout Reaction) {
        var seg = original
        // Figure 8 (simultaneous open) has the peer's SYN+ACK move SYN-RECEIVED to ESTABLISHED,
        // yet its SYN lies before RCV.NXT. §3.10.7.4 allows trimming what lies outside the
        // window (SYN included), which leaves a pure ACK at RCV.NXT. Linux does the same.
        if state == .synReceived, seg.isSYN, seg.isACK, seg.seq == irs, knowsIRS {
            seg.controls.remove(.syn)
            seg.seq = seg.seq &+ 1
            r.note("Choice: the SYN+ACK repeats a SYN already received; its SYN is trimmed (§3.10.7.4, \"tailor actual segments\") and the rest is processed as an ACK, as in Figure 8.")
        }

        // First: sequence number check.
        guard isAcceptable(seg) else {
            if seg.isRST {
                r.note("The RST is outside the receive window [\(rcvNxt), \(rcvNxt &+ rcvWnd)): dropped silently (§3.10.7.4, first).")
                return
            }
            r.sent.append(ackSegment())
            if state == .timeWait, seg.isFIN, seg.seq &+ seg.length == rcvNxt {
                r.note("A retransmitted FIN: the peer never got our ACK. TIME-WAIT acknowledges it again with ACK <SEQ=SND.NXT><ACK=RCV.NXT> and restarts the 2 MSL timer (§3.10.7.4, fifth and eighth; §3.6). This is why TIME-WAIT exists.")
            } else {
                r.note("SEG.SEQ=\(seg.seq) (length \(seg.length)) is outside RCV.NXT=\(rcvNxt)..RCV.NXT+RCV.WND: not acceptable, an old duplicate. ACK <SEQ=SND.NXT><ACK=RCV.NXT> is sent and the segment dropped (§3.10.7.4, first).")
            }
            return
        }
        trimFront(&seg, &r)

        // Second: RST, with the RFC 5961 §3 checks (the window check was done above).
        if seg.isRST {
            receiveReset(seg, &r)
            return
        }

        // Fourth: SYN.
        if seg.isSYN {
            if state == .synReceived && openedPassively {
                self = .opened(passively: true)
                r.note("A new SYN in SYN-RECEIVED from a passive OPEN: the connection returns to LISTEN (§3.10.7.4, fourth).")
                return
            }
            r.sent.append(ackSegment())
            r.note("Choice: RFC 5961 §4 is implemented, so a SYN in a synchronized state gets a challenge ACK <SEQ=SND.NXT><ACK=RCV.NXT> instead of a RST (§3.10.7.4, fourth).")
            return
        }

        // Fifth: ACK field.
        guard seg.isACK else {
            r.note("A segment without ACK in \(state.rfcName) is dropped (§3.10.7.4, fifth).")
            return
        }
        guard processAcknowledgment(seg, &r) else { return }

        // Seventh and eighth: text and FIN, in sequence order only.
        if seg.dataLength > 0 || seg.isFIN {
            if seg.seq != rcvNxt {
                if !heldSegments.contains(where: { $0.seq == seg.seq }) { heldSegments.append(seg) }
                r.sent.append(ackSegment())
                r.note("SEG.SEQ=\(seg.seq) is beyond RCV.NXT=\(rcvNxt): a gap. The segment is held for later processing (SHLD-31, §3.10.7.4) and a duplicate ACK <ACK=RCV.NXT> tells the peer what is missing.")
            } else {
                var needsAck = processContent(seg, &r)
                while let i = heldSegments.firstIndex(where: { $0.seq == rcvNxt }) {
                    let held = heldSegments.remove(at: i)
                    r.note("The held segment at SEQ=\(held.seq) now begins at RCV.NXT and is processed.")
                    needsAck = processContent(held, &r) || needsAck
                }
                heldSegments.removeAll { SequenceSpace.lessThan($0.seq, rcvNxt) }
                if needsAck {
                    // MUST-58: one ACK covers everything processed.
                    r.sent.append(ackSegment())
                    r.note("ACK <SEQ=SND.NXT=\(sndNxt)><ACK=RCV.NXT=\(rcvNxt)> is sent.")
                }
            }
        }
        releaseQueuedCalls(into: &r)
    }

    /// §3.10.7.4: "If a segment's contents straddle the boundary between old and new, only
    /// the new parts are processed."
    private func trimFront(_ seg: inout Segment, _ r: inout Reaction) {
        guard SequenceSpace.lessThan(seg.seq, rcvNxt), !seg.isRST else { return }
        var old = rcvNxt &- seg.seq
        if seg.isSYN { seg.controls.remove(.syn); old -= 1; seg.seq = seg.seq &+ 1 }
        let cut = min(Int(old), seg.dataLength)
        seg.dataLength -= cut
        seg.seq = seg.seq &+ UInt32(cut)
        r.note("The part of the segment before RCV.NXT was seen already; only the new part is processed (§3.10.7.4, first).")
    }

    /// Second check, RST, with RFC 5961 §3: only an exact RCV.NXT match resets.
    private mutating func receiveReset(_ seg: Segment, _ r: inout Reaction) {
        guard seg.seq == rcvNxt else {
            r.sent.append(ackSegment())
            r.note("Choice: RFC 5961 §3 is implemented. The RST's SEQ=\(seg.seq) is in the window but not RCV.NXT=\(rcvNxt), so a challenge ACK is sent and the RST dropped (§3.10.7.4, second).")
            return
        }
        let was = state
        switch state {
        case .synReceived where openedPassively:
            self = .opened(passively: true)
            r.note("RST in SYN-RECEIVED after a passive OPEN: the connection returns to LISTEN, the retransmission queue is flushed, the user is not told (§3.10.7.4, second).")
        case .synReceived:
            self = Endpoint()
            r.note("RST in SYN-RECEIVED after an active OPEN: the user is told \"connection refused\"; CLOSED (§3.10.7.4, second).")
        case .established, .finWait1, .finWait2, .closeWait:
            self = Endpoint()
            r.note("RST with SEQ=RCV.NXT in \(was.rfcName): queues are flushed, the user is told \"connection reset\", the TCB is deleted; CLOSED (§3.10.7.4, second).")
        default:
            self = Endpoint()
            r.note("RST in \(was.rfcName): the TCB is deleted; CLOSED (§3.10.7.4, second).")
            if was == .timeWait {
                r.note("Choice: RFC 9293 is followed literally; RFC 1337 §3 would ignore a RST in TIME-WAIT to avoid TIME-WAIT assassination (Linux default: obeys it).")
            }
        }
    }

    /// Fifth check, ACK. Returns false when processing stops here.
    private mutating func processAcknowledgment(_ seg: Segment, _ r: inout Reaction) -> Bool {
        if state == .synReceived {
            guard SequenceSpace.inHalfOpen(seg.ack, after: sndUna, upTo: sndNxt) else {
                r.sent.append(Segment(seq: seg.ack, controls: .rst))
                r.note("SEG.ACK=\(seg.ack) does not acknowledge our SYN: RST <SEQ=SEG.ACK> is sent (§3.10.7.4, fifth, SYN-RECEIVED).")
                return false
            }
            state = .established
            r.note("The ACK acknowledges our SYN (SND.UNA < \(seg.ack) =< SND.NXT): the host enters ESTABLISHED (§3.10.7.4, fifth).")
        }
        if SequenceSpace.lessThan(sndNxt, seg.ack) {
            r.sent.append(ackSegment())
            r.note("SEG.ACK=\(seg.ack) acknowledges data not yet sent (SND.NXT=\(sndNxt)): an ACK is sent and the segment dropped (§3.10.7.4, fifth).")
            return false
        }
        if SequenceSpace.lessThan(sndUna, seg.ack) {
            sndUna = seg.ack
            removeAcknowledged()
            r.note("SND.UNA advances to \(sndUna).")
        } else if seg.dataLength == 0, !seg.isFIN, state != .synReceived {
            r.note("SEG.ACK=\(seg.ack) acknowledges nothing new (SND.UNA=\(sndUna)): a duplicate ACK, ignored (§3.10.7.4, fifth).")
        }
        switch state {
        case .finWait1 where finAcknowledged:
            state = .finWait2
            r.note("Our FIN is acknowledged: FIN-WAIT-1 becomes FIN-WAIT-2 (§3.10.7.4, fifth).")
        case .closing:
            guard finAcknowledged else {
                r.note("In CLOSING only the ACK of our FIN matters; this segment is ignored (§3.10.7.4, fifth).")
                return false
            }
            state = .timeWait
            r.note("The ACK acknowledges our FIN: CLOSING becomes TIME-WAIT; the 2 MSL timer starts (§3.10.7.4, fifth).")
        case .lastAck where finAcknowledged:
            self = Endpoint()
            r.note("Our FIN is acknowledged in LAST-ACK: the TCB is deleted; CLOSED (§3.10.7.4, fifth).")
            return false
        default:
            break
        }
        return true
    }

    /// Seventh (text) and eighth (FIN) steps for a segment that begins at RCV.NXT.
    /// Returns whether an acknowledgment is owed.
    private mutating func processContent(_ seg: Segment, _ r: inout Reaction) -> Bool {
        var owesAck = false
        if seg.dataLength > 0 {
            switch state {
            case .established, .finWait1, .finWait2:
                rcvNxt = rcvNxt &+ UInt32(seg.dataLength)
                octetsReceived += seg.dataLength
                owesAck = true
                r.note("\(seg.dataLength) octets are delivered to the user; RCV.NXT advances to \(rcvNxt) (§3.10.7.4, seventh).")
            default:
                r.note("Text after the peer's FIN cannot be valid; it is ignored (§3.10.7.4, seventh).")
            }
        }
        guard seg.isFIN else { return owesAck }
        rcvNxt = rcvNxt &+ 1
        owesAck = true
        let was = state
        switch state {
        case .synReceived, .established:
            state = .closeWait
        case .finWait1:
            state = finAcknowledged ? .timeWait : .closing
        case .finWait2:
            state = .timeWait
        default:
            break
        }
        var sentence = "FIN: the user is told \"connection closing\", RCV.NXT advances over the FIN to \(rcvNxt)"
        if was == state {
            sentence += "; the host stays in \(state.rfcName)"
        } else {
            sentence += "; \(was.rfcName) becomes \(state.rfcName)"
        }
        switch (was, state) {
        case (.finWait1, .timeWait):
            sentence += ", because this segment also acknowledged our FIN"
        case (.finWait1, .closing):
            sentence += ": both sides closed at once (simultaneous close, our FIN is not yet acknowledged)"
        default: break
        }
        if state == .timeWait { sentence += "; the 2 MSL timer starts" }
        r.note(sentence + " (§3.10.7.4, eighth).")
        return owesAck
    }
}
