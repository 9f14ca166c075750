#if canImport(Glibc)
import Glibc
#endif
import Render

/// Buffered writes to stdout. A closed pipe (`show | head`) ends the program quietly.
struct Output {
    private var buffer: [UInt8] = []

    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func line(_ s: String) {
        write(s)
        write("\n")
    }

    /// Bytes that are ready to go out (already cleaned), written through the buffer.
    mutating func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                exit(errno == EPIPE ? 0 : 1)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

enum StandardStreams {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    static func terminalWidth() -> Int? {
        var ws = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
        return Int(ws.ws_col)
    }

    /// Writes to stdout at once (prompts and line-by-line quizzes). Text that came from a
    /// lesson may hold control characters: they are shown, never sent.
    static func out(_ s: String) {
        var o = Output()
        o.write(Sanitizer.cleanLines(s))
        o.flush()
    }

    /// Writes text that already ends with its newline.
    static func errorRaw(_ s: String) {
        let s = Sanitizer.cleanLines(s)
        _ = s.withCString { Glibc.write(2, $0, strlen($0)) }
    }

    static func error(_ s: String) {
        let line = s + "\n"
        _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
    }
}
