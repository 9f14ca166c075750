/// A TCP segment as the state machine sees it: sequence number, acknowledgment number,
/// the control bits that drive connection state (RFC 9293 §3.1), and the data length.
public struct Segment: Equatable, Hashable, Sendable {
    /// The control bits this model uses (URG, PSH, ECN bits play no part in the state machine).
    public struct Controls: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let syn = Controls(rawValue: 1)
        public static let ack = Controls(rawValue: 2)
        public static let fin = Controls(rawValue: 4)
        public static let rst = Controls(rawValue: 8)
    }

    /// Identifies the segment in the world's log (0 until the network stamps it).
    public var id: Int = 0
    public var seq: UInt32
    /// Meaningful only when `controls` contains `.ack`; 0 otherwise.
    public var ack: UInt32
    public var controls: Controls
    public var dataLength: Int

    public init(seq: UInt32, ack: UInt32 = 0, controls: Controls, dataLength: Int = 0) {
        self.seq = seq
        self.ack = controls.contains(.ack) ? ack : 0
        self.controls = controls
        self.dataLength = dataLength
    }

    public var isSYN: Bool { controls.contains(.syn) }
    public var isACK: Bool { controls.contains(.ack) }
    public var isFIN: Bool { controls.contains(.fin) }
    public var isRST: Bool { controls.contains(.rst) }

    /// SEG.LEN: data octets plus one for SYN and one for FIN (RFC 9293 §3.4).
    public var length: UInt32 {
        UInt32(dataLength) + (isSYN ? 1 : 0) + (isFIN ? 1 : 0)
    }

    /// The kind as the script output spells it: SYN, SYN+ACK, ACK, FIN+ACK, RST, RST+ACK, DATA+ACK.
    public var kind: String {
        if isRST { return isACK ? "RST+ACK" : "RST" }
        if isSYN { return isACK ? "SYN+ACK" : "SYN" }
        if isFIN { return isACK ? "FIN+ACK" : "FIN" }
        if dataLength > 0 { return isACK ? "DATA+ACK" : "DATA" }
        return "ACK"
    }

    /// `SYN seq=N ack=N`, with ` len=N` for data.
    public var summary: String {
        var s = "\(kind) seq=\(seq) ack=\(ack)"
        if dataLength > 0 { s += " len=\(dataLength)" }
        return s
    }
}
