import CPtySupport
import Foundation

/// Runs a program on a fresh pseudo-terminal (posix_openpt, then posix_spawn with a new
/// session so the pty becomes its controlling terminal, a clean signal mask and default
/// dispositions). A thread drains the master side and keeps every byte the program wrote,
/// so tests can scan the raw output, resize the terminal and send keys.
public final class PtySession: @unchecked Sendable {
    public let pid: pid_t
    public private(set) var master: Int32
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var drained = false
    private var exitStatus: (status: Int32, signal: Int32?)?
    private var reader: Thread?

    /// - Parameters:
    ///   - environment: the child's whole environment (nothing is inherited).
    public init(_ argv: [String], environment: [String: String], width: Int = 80, height: Int = 24) throws {
        let m = nt_openpt()
        var name = [CChar](repeating: 0, count: 128)
        guard m >= 0, nt_prepare_slave(m, &name, UInt(name.count)) == 0 else {
            throw PtyError("posix_openpt failed: errno \(errno)")
        }
        let slavePath = String(decoding: name.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        master = m
        var ws = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(m, UInt(TIOCSWINSZ), &ws)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // glibc runs setsid before the file actions, so opening the slave (without
        // O_NOCTTY) makes it the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attr = SpawnAttributes(newSession: true)
        let env = environment.map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let rc = withCStrings(argv) { args in
            withCStrings(env) { envp in posix_spawn(&child, argv[0], &actions, &attr.value, args, envp) }
        }
        guard rc == 0 else {
            close(m)
            throw PtyError("posix_spawn failed: \(rc)")
        }
        pid = child
        let thread = Thread { [unowned self] in self.drain() }
        reader = thread
        thread.start()
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = waitForExit(timeout: 5)
        }
        closeMaster()
        // Let the reader thread see the closed descriptor before the object goes.
        let deadline = Date().addingTimeInterval(2)
        while !isDrained && Date() < deadline { usleep(5_000) }
    }

    private var isDrained: Bool { lock.lock(); defer { lock.unlock() }; return drained }

    private func drain() {
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            lock.lock()
            let fd = master
            lock.unlock()
            if fd < 0 { break }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let n = poll(&p, 1, 50)
            if n < 0 && errno != EINTR { break }
            if n <= 0 { continue }
            let got = read(fd, &buf, buf.count)
            if got > 0 {
                lock.lock()
                bytes += buf[0..<got]
                lock.unlock()
            } else if got == 0 || (errno != EINTR && errno != EAGAIN) {
                // EIO: every slave descriptor is closed (the program ended).
                break
            }
        }
        lock.lock()
        drained = true
        lock.unlock()
    }

    /// Every byte written so far.
    public var output: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }

    public var outputCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytes.count
    }

    /// The output as text with escape sequences removed: good enough to look for words.
    public var text: String { TerminalText.strip(output) }

    public func send(_ text: String) {
        send(Array(text.utf8))
    }

    public func send(_ data: [UInt8]) {
        lock.lock()
        let fd = master
        lock.unlock()
        guard fd >= 0 else { return }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// TIOCSWINSZ on the master; the kernel sends SIGWINCH to the foreground process group.
    public func resize(width: Int, height: Int) {
        var ws = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        lock.lock()
        let fd = master
        lock.unlock()
        if fd >= 0 { _ = ioctl(fd, UInt(TIOCSWINSZ), &ws) }
    }

    public func signal(_ sig: Int32) {
        kill(pid, sig)
    }

    /// Closes our side: the program's terminal hangs up (it gets SIGHUP and EIO).
    public func closeMaster() {
        lock.lock()
        let fd = master
        master = -1
        lock.unlock()
        if fd >= 0 { close(fd) }
    }

    public var isRunning: Bool {
        if exitStatus != nil { return false }
        var raw: Int32 = 0
        let r = waitpid(pid, &raw, WNOHANG)
        if r == pid {
            exitStatus = Reaper.decode(raw)
            return false
        }
        return r == 0
    }

    /// Polls until the program ends; nil if it is still running at the deadline.
    public func waitForExit(timeout: Double = 10) -> (status: Int32, signal: Int32?)? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !isRunning { return exitStatus }
            usleep(10_000)
        }
        return nil
    }

    /// Polls the output until `predicate` holds (true) or the timeout passes (false).
    @discardableResult
    public func waitUntil(timeout: Double = 10, _ predicate: (PtySession) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate(self) { return true }
            usleep(20_000)
        }
        return predicate(self)
    }

    /// Waits until the stripped text contains `needle`.
    @discardableResult
    public func waitFor(_ needle: String, timeout: Double = 10) -> Bool {
        waitUntil(timeout: timeout) { $0.text.contains(needle) }
    }

    /// Waits until nothing new has been written for `quiet` seconds.
    public func waitForQuiet(_ quiet: Double = 0.3, timeout: Double = 10) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = outputCount
        var since = Date()
        while Date() < deadline {
            usleep(20_000)
            let now = outputCount
            if now != last {
                last = now
                since = Date()
            } else if Date().timeIntervalSince(since) >= quiet {
                return
            }
        }
    }
}

public struct PtyError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
    init(_ d: String) { description = d }
}
