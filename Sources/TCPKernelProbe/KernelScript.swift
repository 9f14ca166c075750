import PlainJSON
#if canImport(Glibc)
    import Glibc
#endif
import TCPModel

/// One line of a kernel-mode script.
public enum KernelCommand: Equatable, Sendable {
    case call(Host, KernelCall)
    /// Sleeps this many milliseconds (capped at 10 s) so timers in the kernel can run.
    case wait(milliseconds: Int)

    public init?(scriptLine: String) {
        let words = scriptLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count == 2 else { return nil }
        if words[0] == "wait", let ms = Int(words[1]), ms >= 0 {
            self = .wait(milliseconds: ms)
        } else if let host = Host(rawValue: words[0]), let call = KernelCall(rawValue: words[1]) {
            self = .call(host, call)
        } else {
            return nil
        }
    }
}

/// The longest `wait` a script may ask for, so a script always ends by itself.
let longestWaitMilliseconds = 10_000

private let kernelGrammar = "<host> listen|connect|accept|send|close|abort or wait <ms>; <host> is client or server"

/// Runs a kernel-mode script (`nettutor demo tcp --kernel --script FILE [--json]`) on real
/// sockets on 127.0.0.1 and reports the states /proc/net/tcp shows after each line.
/// The JSON objects carry `client_port` and `server_port` (null before a host has a socket)
/// and no `to_client`/`to_server`: the kernel does not expose segments in flight.
public func runKernelTCPScript(text: String, json: Bool) -> Result<String, ScriptError> {
    TCPScript.lines(of: text, expected: kernelGrammar, parse: KernelCommand.init(scriptLine:)).map { lines in
        let sockets = LoopbackSockets()
        defer { sockets.closeAll() }
        var out = ""
        for (n, line) in lines.enumerated() {
            var error: String?
            switch line.command {
            case .call(let host, let call): error = sockets.perform(call, on: host)
            case .wait(let ms): sleepMilliseconds(min(ms, longestWaitMilliseconds))
            }
            let states = sockets.settledStates()
            out += json
                ? kernelJSONLine(step: n + 1, event: line.text, states: states, sockets: sockets, error: error)
                : kernelTextBlock(step: n + 1, event: line.text, states: states, sockets: sockets, error: error)
            out += "\n"
        }
        return out
    }
}

func sleepMilliseconds(_ ms: Int) {
    guard ms > 0 else { return }
    var request = timespec(tv_sec: ms / 1000, tv_nsec: (ms % 1000) * 1_000_000)
    var remaining = timespec()
    // Bounded: each interrupted sleep resumes with what is left.
    for _ in 0..<100 {
        guard nanosleep(&request, &remaining) != 0, errno == EINTR else { return }
        request = remaining
    }
}

private func kernelJSONLine(step: Int, event: String, states: [Host: TCPState], sockets: LoopbackSockets, error: String?) -> String {
    JSONText.object([
        ("step", String(step)),
        ("event", JSONText.string(event)),
        ("client", JSONText.string(states[.client, default: .closed].rfcName)),
        ("server", JSONText.string(states[.server, default: .closed].rfcName)),
        ("client_port", sockets.port(of: .client).map { String($0) } ?? "null"),
        ("server_port", sockets.port(of: .server).map { String($0) } ?? "null"),
        ("error", error.map(JSONText.string) ?? "null"),
    ])
}

private func kernelTextBlock(step: Int, event: String, states: [Host: TCPState], sockets: LoopbackSockets, error: String?) -> String {
    func side(_ h: Host) -> String {
        let port = sockets.port(of: h).map { ":\($0)" } ?? ""
        return "\(h.name)\(port) \(states[h, default: .closed].rfcName)"
    }
    var lines = ["\(step). \(event)", "   \(side(.client))   \(side(.server))"]
    if let error { lines.append("   error: \(error)") }
    return lines.joined(separator: "\n")
}
