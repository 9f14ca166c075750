/// The eleven connection states of RFC 9293 §3.3.2 (Figure 5).
public enum TCPState: String, CaseIterable, Equatable, Hashable, Sendable {
    case closed = "CLOSED"
    case listen = "LISTEN"
    case synSent = "SYN-SENT"
    case synReceived = "SYN-RECEIVED"
    case established = "ESTABLISHED"
    case finWait1 = "FIN-WAIT-1"
    case finWait2 = "FIN-WAIT-2"
    case closeWait = "CLOSE-WAIT"
    case closing = "CLOSING"
    case lastAck = "LAST-ACK"
    case timeWait = "TIME-WAIT"

    /// The spelling RFC 9293 uses (upper case, hyphens).
    public var rfcName: String { rawValue }

    /// RFC 9293 §3.5.2: the states in which both sides have exchanged SYNs.
    public var isSynchronized: Bool {
        switch self {
        case .closed, .listen, .synSent, .synReceived: return false
        default: return true
        }
    }

    /// States reached only after this host sent its FIN (RFC 9293 §3.6).
    public var hasSentFIN: Bool {
        [.finWait1, .finWait2, .closing, .lastAck, .timeWait].contains(self)
    }

    /// States reached only after this host received the peer's FIN (RFC 9293 §3.6).
    public var hasReceivedFIN: Bool {
        [.closeWait, .closing, .lastAck, .timeWait].contains(self)
    }

    public init?(rfcName: String) { self.init(rawValue: rfcName) }
}

/// The two hosts of the demo. The model is symmetric: either may listen or connect.
public enum Host: String, CaseIterable, Equatable, Hashable, Sendable {
    case client
    case server

    public var peer: Host { self == .client ? .server : .client }
    public var name: String { rawValue }
}
