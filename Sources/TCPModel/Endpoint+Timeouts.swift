extension Endpoint {
    /// RFC 9293 §3.10.8: the retransmission timeout resends the front of the retransmission
    /// queue; the time-wait timeout deletes the TCB. Time is virtual: the learner fires it.
    mutating func timeout() -> Reaction {
        var r = Reaction()
        if state == .timeWait {
            self = Endpoint()
            r.note("The 2 MSL time-wait timer expires: the TCB is deleted; CLOSED (§3.10.8). Linux waits 60 s; RFC 9293 §3.4.2 sets MSL to 2 minutes.")
            return r
        }
        guard state != .closed, var front = retransmissionQueue.first else {
            r.error = "no timer running"
            r.note("Nothing is waiting for an acknowledgment, so no timer is running.")
            return r
        }
        // A resent segment carries the current acknowledgment; before the peer's SYN is known
        // (SYN-SENT) the SYN goes out alone.
        if knowsIRS {
            front = Segment(seq: front.seq, ack: rcvNxt, controls: front.controls.union(.ack), dataLength: front.dataLength)
        }
        r.sent.append(front)
        r.note("The retransmission timer expires: the segment at the front of the retransmission queue, \(front.kind) SEQ=\(front.seq), is sent again (§3.10.8; RFC 6298 §5.4).")
        return r
    }
}
