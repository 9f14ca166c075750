/// Something a learner fires: a user call on a host, the network acting on the oldest
/// segment toward a host, or a timer expiring on a host. Time is virtual.
public enum TCPEvent: Equatable, Hashable, Sendable {
    case call(Host, UserCall)
    /// Deliver the oldest segment in flight toward the host.
    case deliver(Host)
    /// Lose the oldest segment in flight toward the host.
    case drop(Host)
    /// Fire the host's running timer (retransmission, or 2 MSL in TIME-WAIT).
    case timeout(Host)

    /// The event as a script line: `client connect`, `deliver server`, `timeout client`.
    public var scriptLine: String {
        switch self {
        case .call(let host, let call): return "\(host.name) \(call.rawValue)"
        case .deliver(let host): return "deliver \(host.name)"
        case .drop(let host): return "drop \(host.name)"
        case .timeout(let host): return "timeout \(host.name)"
        }
    }

    /// Parses a script line (words separated by blanks); nil when it is not an event.
    public init?(scriptLine: String) {
        let words = scriptLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count == 2 else { return nil }
        if let host = Host(rawValue: words[0]), let call = UserCall(rawValue: words[1]) {
            self = .call(host, call)
            return
        }
        guard let host = Host(rawValue: words[1]) else { return nil }
        switch words[0] {
        case "deliver": self = .deliver(host)
        case "drop": self = .drop(host)
        case "timeout": self = .timeout(host)
        default: return nil
        }
    }

    /// The host whose state the event acts on.
    public var host: Host {
        switch self {
        case .call(let h, _), .deliver(let h), .drop(let h), .timeout(let h): return h
        }
    }

    /// Every event in a fixed order, for listing the ones valid now.
    public static let all: [TCPEvent] =
        Host.allCases.flatMap { h in UserCall.allCases.map { TCPEvent.call(h, $0) } }
        + Host.allCases.flatMap { [TCPEvent.deliver($0), .drop($0), .timeout($0)] }
}

/// A segment the world has seen, and what became of it.
public struct SegmentRecord: Equatable, Sendable {
    public enum Fate: Equatable, Sendable {
        case inFlight
        case delivered(step: Int)
        case dropped(step: Int)
    }

    public let segment: Segment
    public let from: Host
    /// The step that sent it.
    public let step: Int
    public internal(set) var fate: Fate
}

/// What one event did: the record behind the explanation pane and the script output.
public struct StepRecord: Equatable, Sendable {
    public let number: Int
    public let event: TCPEvent
    /// The RFC's error for an invalid call (or why a network/timer event cannot happen); nil on success.
    public let error: String?
    /// Sentences saying what happened and why, citing RFC 9293. Sentences that start with
    /// "Choice:" record where the RFC leaves a choice and which one the model makes.
    public let explanation: [String]
    public let before: [Host: TCPState]
    public let after: [Host: TCPState]
    /// Ids of the segments this step sent, in order.
    public let sent: [Int]
}
