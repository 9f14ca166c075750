import TCPModel

/// Where Linux, as seen in kernel mode, differs from the RFC model.
enum KernelNotes {
    static func notes(for kernel: TCPDemoState.KernelView, lastEvent: TCPEvent?) -> [String] {
        let states = Set(kernel.states.values)
        var notes: [String] = []
        if case .call(let host, .abort) = lastEvent {
            notes.append("Linux: the \(host.name)'s socket was closed with SO_LINGER {on, 0 s}, so close(2) sent a RST instead of a FIN; the kernel forgets the connection at once.")
        }
        if states.contains(.timeWait) {
            notes.append("Linux: TIME-WAIT lasts 60 s (TCP_TIMEWAIT_LEN), not 2 MSL = 4 minutes (RFC 9293 §3.4.2 sets MSL to 2 minutes).")
        }
        if states.contains(.finWait2) {
            notes.append("Linux: a closed (orphaned) socket leaves FIN-WAIT-2 after net.ipv4.tcp_fin_timeout (60 s); the RFC would wait for the peer's FIN forever.")
        }
        if states.contains(.established), kernel.listening.values.contains(true) {
            notes.append("Linux: the kernel completes the handshake before accept(); the listening socket stays in LISTEN and each connection gets its own socket.")
        }
        if notes.isEmpty {
            notes.append("Kernel mode mirrors every user call on 127.0.0.1 sockets (ABORT = SO_LINGER 0, which sends a RST); loopback delivers at once, so deliver/drop/timeout have no kernel counterpart.")
        }
        return notes
    }
}
