import Foundation

/// The real binary on a pseudo-terminal of a fixed size, with every byte it writes counted:
/// for tests about what reaches the terminal (how much a scroll step costs), which tmux's
/// screen capture cannot show.
public final class PseudoTerminal {
    public let pid: pid_t
    private let master: Int32
    public let stateDir: String

    /// Starts `arguments` (after the binary) as a session leader with the pty as its
    /// controlling terminal, as a terminal emulator would.
    public init(arguments: [String], width: Int = 80, height: Int = 24) throws {
        stateDir = "/tmp/nettutor-pty-state-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // posix_openpt and friends are not visible from Swift here; these are what they do on Linux.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, UInt(0x4004_5431) /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(master, UInt(0x8004_5430) /* TIOCGPTN */, &number) == 0 else {
            throw POSIXError(.ENOTTY)
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (the spawn does that first), the slave becomes the controlling tty.
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        let setsid: Int16 = 0x80  // POSIX_SPAWN_SETSID (glibc >= 2.26)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK) | setsid)
        let argv = [TmuxSession.binary, "--state-dir", stateDir] + arguments
        let cargs = argv.map { strdup($0) } + [nil]
        defer { cargs.forEach { free($0) } }
        let environment: [String] = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(stateDir)", "PATH=/usr/bin:/bin"]
        let env = environment.map { strdup($0) } + [nil]
        defer { env.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, argv[0], &actions, &attr, cargs, env)
        guard rc == 0 else {
            close(master)
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO)
        }
        pid = child
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
        try? FileManager.default.removeItem(atPath: stateDir)
    }

    public func send(_ text: String) {
        _ = text.withCString { write(master, $0, strlen($0)) }
    }

    /// Everything written until the output has been quiet for `quietMs` (or `timeoutMs` passed).
    public func readUntilQuiet(quietMs: Int32 = 300, timeoutMs: Int = 10_000) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
        while Date() < deadline {
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, quietMs) > 0 else { break }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return out
    }
}
