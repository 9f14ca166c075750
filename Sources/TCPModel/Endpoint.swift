/// One host's side of the connection: the state plus the transmission control block
/// variables of RFC 9293 §3.3.1 that the state machine needs.
public struct Endpoint: Equatable, Sendable {
    public internal(set) var state: TCPState = .closed
    /// Initial send sequence number, chosen at OPEN or on SYN (RFC 9293 §3.4.1).
    public internal(set) var iss: UInt32 = 0
    /// Initial receive sequence number, learnt from the peer's SYN.
    public internal(set) var irs: UInt32 = 0
    /// Whether IRS holds a value (SYN-SENT does not know the peer's ISN yet).
    public internal(set) var knowsIRS = false
    public internal(set) var sndUna: UInt32 = 0
    public internal(set) var sndNxt: UInt32 = 0
    public internal(set) var rcvNxt: UInt32 = 0
    /// RCV.WND: this model never shrinks its window; the number only feeds the acceptability test.
    public internal(set) var rcvWnd: UInt32 = Endpoint.receiveWindow
    /// Segments sent but not yet fully acknowledged, oldest first (RFC 9293 §3.10.8).
    public internal(set) var retransmissionQueue: [Segment] = []
    /// RFC 9293 §3.10.7.4: RST or SYN in SYN-RECEIVED depends on how the connection began.
    public internal(set) var openedPassively = false
    /// SENDs issued before ESTABLISHED, queued by RFC 9293 §3.10.2.
    public internal(set) var queuedSends = 0
    /// A CLOSE issued in SYN-RECEIVED with data pending, queued by RFC 9293 §3.10.4.
    public internal(set) var closeQueued = false
    /// Whether our FIN has been sent (it is the last octet of our sequence space).
    public internal(set) var finSent = false
    /// Out-of-order segments held for later processing (RFC 9293 §3.10.7.4, SHLD-31).
    public internal(set) var heldSegments: [Segment] = []
    /// Octets handed to the receiving user.
    public internal(set) var octetsReceived = 0

    /// Every SEND carries this many octets.
    public static let sendSize = 100
    public static let receiveWindow: UInt32 = 65535

    public init() {}

    /// Our FIN is acknowledged once SND.UNA reaches SND.NXT after sending it.
    public var finAcknowledged: Bool { finSent && sndUna == sndNxt }

    /// Whether a timer is running that a `timeout` event can fire (RFC 9293 §3.10.8).
    public var hasRunningTimer: Bool {
        state == .timeWait || (state != .closed && !retransmissionQueue.isEmpty)
    }

    /// A fresh TCB for a connection begun by an OPEN call.
    static func opened(passively: Bool) -> Endpoint {
        var e = Endpoint()
        e.openedPassively = passively
        e.state = passively ? .listen : .closed
        return e
    }

    /// What processing an event produced: segments to send and the sentences explaining why.
    struct Reaction {
        var sent: [Segment] = []
        var notes: [String] = []
        /// An RFC error returned to the user call; the state must not have changed.
        var error: String?

        mutating func note(_ s: String) { notes.append(s) }
    }

    // MARK: sending helpers

    /// A segment carrying the current acknowledgment, as every segment after the SYN does.
    func ackSegment(extra: Segment.Controls = [], seq: UInt32? = nil, dataLength: Int = 0) -> Segment {
        Segment(seq: seq ?? sndNxt, ack: rcvNxt, controls: extra.union(.ack), dataLength: dataLength)
    }

    /// Sends a segment that occupies sequence space and keeps it for retransmission.
    mutating func transmit(_ segment: Segment, into reaction: inout Reaction) {
        sndNxt = segment.seq &+ segment.length
        retransmissionQueue.append(segment)
        reaction.sent.append(segment)
    }

    /// Drops the retransmission-queue entries that SND.UNA now covers entirely.
    mutating func removeAcknowledged() {
        retransmissionQueue.removeAll { SequenceSpace.lessOrEqual($0.seq &+ $0.length, sndUna) }
    }

    /// Segments, SENDs and CLOSEs queued before ESTABLISHED go out once it is reached
    /// (RFC 9293 §3.10.2 and §3.10.4, SYN-SENT and SYN-RECEIVED).
    mutating func releaseQueuedCalls(into reaction: inout Reaction) {
        guard state == .established || state == .closeWait else { return }
        if queuedSends > 0 {
            reaction.note("The \(queuedSends) SEND(s) queued before ESTABLISHED now go out (§3.10.2).")
            for _ in 0..<queuedSends {
                transmit(ackSegment(dataLength: Endpoint.sendSize), into: &reaction)
            }
            queuedSends = 0
        }
        if closeQueued {
            closeQueued = false
            transmit(ackSegment(extra: .fin), into: &reaction)
            finSent = true
            let next: TCPState = state == .established ? .finWait1 : .lastAck
            reaction.note("The queued CLOSE now sends FIN and enters \(next.rfcName) (§3.10.4).")
            state = next
        }
    }
}
