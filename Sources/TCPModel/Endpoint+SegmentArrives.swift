extension Endpoint {
    /// SEGMENT ARRIVES, RFC 9293 §3.10.7.
    mutating func receive(_ segment: Segment, generator: inout SeededGenerator) -> Reaction {
        var r = Reaction()
        switch state {
        case .closed: receiveInClosed(segment, &r)
        case .listen: receiveInListen(segment, &r, generator: &generator)
        case .synSent: receiveInSynSent(segment, &r)
        default: receiveSynchronizing(segment, &r)
        }
        return r
    }

    /// RFC 9293 §3.10.7.1: no TCB, so anything but a RST is answered with a RST whose
    /// fields the sender will find acceptable.
    private func receiveInClosed(_ seg: Segment, _ r: inout Reaction) {
        if seg.isRST {
            r.note("A RST arriving at a CLOSED host is discarded (§3.10.7.1).")
        } else if seg.isACK {
            r.sent.append(Segment(seq: seg.ack, controls: .rst))
            r.note("No connection exists: the segment is answered with RST <SEQ=SEG.ACK> = \(seg.ack) (§3.10.7.1).")
        } else {
            let ack = seg.seq &+ seg.length
            r.sent.append(Segment(seq: 0, ack: ack, controls: [.rst, .ack]))
            r.note("No connection exists and the segment has no ACK: it is answered with RST+ACK <SEQ=0><ACK=SEG.SEQ+SEG.LEN> = \(ack) (§3.10.7.1).")
        }
    }

    /// RFC 9293 §3.10.7.2.
    private mutating func receiveInListen(_ seg: Segment, _ r: inout Reaction, generator: inout SeededGenerator) {
        if seg.isRST {
            r.note("LISTEN ignores a RST: it cannot belong to this incarnation (§3.10.7.2, first).")
            return
        }
        if seg.isACK {
            r.sent.append(Segment(seq: seg.ack, controls: .rst))
            r.note("Any ACK is bad in LISTEN: RST <SEQ=SEG.ACK> = \(seg.ack) is sent (§3.10.7.2, second).")
            return
        }
        guard seg.isSYN else {
            r.note("Neither RST, ACK nor SYN: the segment is dropped (§3.10.7.2, fourth).")
            return
        }
        irs = seg.seq
        knowsIRS = true
        rcvNxt = seg.seq &+ 1
        iss = generator.nextISN()
        sndUna = iss
        transmit(Segment(seq: iss, ack: rcvNxt, controls: [.syn, .ack]), into: &r)
        state = .synReceived
        r.note("SYN in LISTEN: IRS=\(irs), RCV.NXT=\(rcvNxt); ISS=\(iss) is chosen and SYN+ACK <SEQ=ISS><ACK=RCV.NXT> is sent; the host enters SYN-RECEIVED (§3.10.7.2, third).")
    }

    /// RFC 9293 §3.10.7.3.
    private mutating func receiveInSynSent(_ seg: Segment, _ r: inout Reaction) {
        var ackAcceptable = false
        if seg.isACK {
            if SequenceSpace.lessOrEqual(seg.ack, iss) || SequenceSpace.lessThan(sndNxt, seg.ack) {
                if seg.isRST {
                    r.note("A RST whose ACK does not cover our SYN is dropped (§3.10.7.3, first).")
                } else {
                    r.sent.append(Segment(seq: seg.ack, controls: .rst))
                    r.note("SEG.ACK=\(seg.ack) does not acknowledge our SYN (ISS=\(iss), SND.NXT=\(sndNxt)): RST <SEQ=SEG.ACK> is sent and the segment discarded (§3.10.7.3, first).")
                }
                return
            }
            ackAcceptable = SequenceSpace.inHalfOpen(seg.ack, after: sndUna, upTo: sndNxt)
        }
        if seg.isRST {
            if ackAcceptable {
                self = Endpoint()
                r.note("RST with an acceptable ACK in SYN-SENT: the user is told \"error: connection reset\" (the sockets API says \"connection refused\"), the TCB is deleted, CLOSED (§3.10.7.3, second).")
                r.note("Choice: RFC 5961's exact-sequence check is not applied here, since SYN-SENT has no RCV.NXT yet (RFC 5961 §3.2 accepts the RST when its ACK covers the SYN).")
            } else {
                r.note("A RST without an ACK in SYN-SENT is dropped (§3.10.7.3, second).")
            }
            return
        }
        guard seg.isSYN else {
            r.note("Neither SYN nor RST in SYN-SENT: the segment is dropped (§3.10.7.3, fifth).")
            return
        }
        irs = seg.seq
        knowsIRS = true
        rcvNxt = seg.seq &+ 1
        if seg.isACK {
            sndUna = seg.ack
            removeAcknowledged()
        }
        if SequenceSpace.lessThan(iss, sndUna) {
            state = .established
            r.sent.append(ackSegment())
            r.note("SYN+ACK acknowledges our SYN: IRS=\(irs), RCV.NXT=\(rcvNxt), SND.UNA=\(sndUna); ACK <SEQ=SND.NXT><ACK=RCV.NXT> is sent and the host enters ESTABLISHED (§3.10.7.3, fourth).")
            releaseQueuedCalls(into: &r)
        } else {
            state = .synReceived
            // The SYN is sent again with an ACK; it is the same octet, so SND.NXT stays.
            let synAck = Segment(seq: iss, ack: rcvNxt, controls: [.syn, .ack])
            retransmissionQueue = [synAck]
            r.sent.append(synAck)
            r.note("A SYN without ACK in SYN-SENT is a simultaneous open: IRS=\(irs), RCV.NXT=\(rcvNxt); SYN+ACK <SEQ=ISS><ACK=RCV.NXT> is sent and the host enters SYN-RECEIVED (§3.10.7.3, fourth; Figure 8).")
        }
    }
}
