import TCPModel

/// One row of /proc/net/tcp: the local and remote port and the kernel's state.
public struct KernelSocketEntry: Equatable, Sendable {
    public let localAddress: UInt32
    public let localPort: UInt16
    public let remotePort: UInt16
    public let state: TCPState
}

/// Reads the table the Linux kernel publishes in /proc/net/tcp (see proc(5)).
public enum ProcNetTCP {
    /// The kernel's state numbers (include/net/tcp_states.h) in RFC 9293 spelling.
    /// TCP_CLOSE (7) is a socket with no connection; TCP_NEW_SYN_RECV (12) is Linux's
    /// lightweight request socket for a half-open connection, shown as SYN-RECEIVED.
    static func state(kernelCode: Int) -> TCPState? {
        switch kernelCode {
        case 1: return .established
        case 2: return .synSent
        case 3, 12: return .synReceived
        case 4: return .finWait1
        case 5: return .finWait2
        case 6: return .timeWait
        case 7: return .closed
        case 8: return .closeWait
        case 9: return .lastAck
        case 10: return .listen
        case 11: return .closing
        default: return nil
        }
    }

    /// Parses the text of /proc/net/tcp; lines that do not parse are skipped.
    public static func parse(_ text: String) -> [KernelSocketEntry] {
        text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 3 else { return nil }
            let local = fields[1].split(separator: ":"), remote = fields[2].split(separator: ":")
            guard local.count == 2, remote.count == 2,
                let address = UInt32(local[0], radix: 16),
                let localPort = UInt16(local[1], radix: 16), let remotePort = UInt16(remote[1], radix: 16),
                let code = Int(fields[3], radix: 16), let state = state(kernelCode: code)
            else { return nil }
            return KernelSocketEntry(localAddress: address, localPort: localPort, remotePort: remotePort, state: state)
        }
    }
}

/// Where kernel socket states come from; tests can stand in for /proc.
public protocol KernelStateSource {
    func entries() -> [KernelSocketEntry]
}

/// The real table on this machine.
public struct ProcNetTCPSource: KernelStateSource {
    public init() {}

    public func entries() -> [KernelSocketEntry] {
        guard let text = try? readWholeFile("/proc/net/tcp") else { return [] }
        return ProcNetTCP.parse(text)
    }
}
