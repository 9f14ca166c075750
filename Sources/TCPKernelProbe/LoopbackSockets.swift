#if canImport(Glibc)
    import Glibc
#endif
import TCPModel

/// The user calls a kernel-mode script or the demo can make on real sockets.
public enum KernelCall: String, CaseIterable, Equatable, Sendable {
    case listen, connect, accept, send, close, abort
}

/// Real TCP sockets on 127.0.0.1 standing for the two hosts. Everything is non-blocking,
/// so one thread drives both ends; every socket is closed in `closeAll()` or on deinit.
public final class LoopbackSockets {
    private var listener: [Host: Int32] = [:]
    private var listenPort: [Host: UInt16] = [:]
    private var connection: [Host: Int32] = [:]
    /// (local, remote) ports of each host's connection, remembered after close so the
    /// kernel's TIME-WAIT or LAST-ACK entry can still be found.
    private var pair: [Host: (local: UInt16, remote: UInt16)] = [:]
    private let source: KernelStateSource

    public init(source: KernelStateSource = ProcNetTCPSource()) { self.source = source }

    deinit { closeAll() }

    /// The port a host's state is read by: its connection's, else its listener's.
    public func port(of host: Host) -> UInt16? { pair[host]?.local ?? listenPort[host] }

    /// Performs a call; returns an error message, or nil on success.
    public func perform(_ call: KernelCall, on host: Host) -> String? {
        switch call {
        case .listen: return listen(host)
        case .connect: return connect(host)
        case .accept: return accept(host)
        case .send: return send(host)
        case .close: return close(host, abortive: false)
        case .abort: return close(host, abortive: true)
        }
    }

    /// Accepts a waiting connection if the host listens and has none yet (the demo's
    /// model has no ACCEPT call, so kernel mode accepts on the learner's behalf).
    public func acceptIfWaiting(_ host: Host) {
        if listener[host] != nil, connection[host] == nil { _ = accept(host) }
    }

    /// Each host's state as the kernel reports it. Once a host has a connection (made,
    /// accepted, or waiting in its listener's queue) its state is that connection's, and
    /// CLOSED when the kernel no longer lists it; before that a listening host is LISTEN.
    /// (Linux keeps the listening socket and forks one per connection, where the RFC's
    /// single TCB moves on from LISTEN; `isListening` tells the listener apart.)
    public func states() -> [Host: TCPState] {
        let entries = source.entries().filter { $0.localAddress == loopbackProcAddress }
        var result: [Host: TCPState] = [:]
        for host in Host.allCases {
            if let p = pair[host] ?? peerPair(host) {
                let entry = entries.first { $0.localPort == p.local && $0.remotePort == p.remote }
                result[host] = entry?.state ?? .closed
            } else if let port = listenPort[host], listener[host] != nil,
                entries.contains(where: { $0.localPort == port && $0.state == .listen })
            {
                result[host] = .listen
            } else {
                result[host] = .closed
            }
        }
        return result
    }

    /// The states once loopback has carried the segments a call caused: read until two
    /// reads 10 ms apart agree, for at most about 300 ms.
    public func settledStates() -> [Host: TCPState] {
        var last = states()
        for _ in 0..<30 {
            sleepMilliseconds(10)
            let now = states()
            if now == last { return now }
            last = now
        }
        return last
    }

    /// Whether the host's listening socket is open.
    public func isListening(_ host: Host) -> Bool { listener[host] != nil }

    public func closeAll() {
        for fd in Array(listener.values) + Array(connection.values) { _ = Glibc.close(fd) }
        listener = [:]
        connection = [:]
    }

    // MARK: calls

    private func listen(_ host: Host) -> String? {
        guard listener[host] == nil, connection[host] == nil else { return "connection already exists" }
        guard let (fd, port) = boundSocket() else { return "insufficient resources" }
        guard Glibc.listen(fd, 8) == 0 else {
            _ = Glibc.close(fd)
            return "listen failed: \(errnoText())"
        }
        listener[host] = fd
        listenPort[host] = port
        return nil
    }

    private func connect(_ host: Host) -> String? {
        guard connection[host] == nil, listener[host] == nil else { return "connection already exists" }
        // With no listener on the peer, aim at a port just freed so the kernel refuses.
        let target: UInt16
        if let port = listenPort[host.peer], listener[host.peer] != nil {
            target = port
        } else {
            guard let (probe, port) = boundSocket() else { return "insufficient resources" }
            _ = Glibc.close(probe)
            target = port
        }
        guard let fd = makeSocket() else { return "insufficient resources" }
        var address = loopback(port: target)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 || errno == EINPROGRESS else {
            _ = Glibc.close(fd)
            return "connect failed: \(errnoText())"
        }
        connection[host] = fd
        pair[host] = (localPort(fd), target)
        return nil
    }

    private func accept(_ host: Host) -> String? {
        guard let lfd = listener[host] else { return "connection does not exist" }
        guard connection[host] == nil else { return "connection already exists" }
        let fd = Glibc.accept(lfd, nil, nil)
        guard fd >= 0 else { return errno == EAGAIN ? "no connection waiting to be accepted" : errnoText() }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        connection[host] = fd
        pair[host] = (localPort(fd), remotePort(fd))
        return nil
    }

    private func send(_ host: Host) -> String? {
        guard let fd = connection[host] else { return "connection does not exist" }
        let bytes = [UInt8](repeating: 0x61, count: Endpoint.sendSize)
        let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        return n < 0 ? "send failed: \(errnoText())" : nil
    }

    /// CLOSE closes the connection (or, without one, the listener). ABORT first sets
    /// SO_LINGER with a zero timeout, which makes close(2) send a RST.
    private func close(_ host: Host, abortive: Bool) -> String? {
        if let fd = connection[host] {
            if abortive {
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            }
            _ = Glibc.close(fd)
            connection[host] = nil
            return nil
        }
        if let fd = listener[host] {
            _ = Glibc.close(fd)
            listener[host] = nil
            return nil
        }
        return "connection does not exist"
    }

    // MARK: socket helpers

    /// The listening side's view of a connection the peer opened toward it.
    private func peerPair(_ host: Host) -> (local: UInt16, remote: UInt16)? {
        guard let p = pair[host.peer], p.remote == listenPort[host] else { return nil }
        return (p.remote, p.local)
    }

    /// 127.0.0.1 as /proc/net/tcp prints it (network byte order read as a host integer).
    private var loopbackProcAddress: UInt32 { UInt32(0x0100_007F) }

    private func makeSocket() -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        return fd >= 0 ? fd : nil
    }

    /// A socket bound to 127.0.0.1 on an ephemeral port.
    private func boundSocket() -> (Int32, UInt16)? {
        guard let fd = makeSocket() else { return nil }
        var address = loopback(port: 0)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else {
            _ = Glibc.close(fd)
            return nil
        }
        return (fd, localPort(fd))
    }

    private func loopback(port: UInt16) -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_port = port.bigEndian
        a.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return a
    }

    private func localPort(_ fd: Int32) -> UInt16 { socketPort(fd, peer: false) }
    private func remotePort(_ fd: Int32) -> UInt16 { socketPort(fd, peer: true) }

    private func socketPort(_ fd: Int32, peer: Bool) -> UInt16 {
        var a = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let rc = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                peer ? getpeername(fd, $0, &len) : getsockname(fd, $0, &len)
            }
        }
        return rc == 0 ? UInt16(bigEndian: a.sin_port) : 0
    }

    private func errnoText() -> String { String(cString: strerror(errno)) }
}
