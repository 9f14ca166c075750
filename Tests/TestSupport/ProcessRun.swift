import CPtySupport
import Foundation

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    /// The exit status, or 128 + the signal number when a signal ended it.
    public var status: Int32
    public var signal: Int32?
    public var stdout: [UInt8]
    public var stderr: [UInt8]
    public var timedOut: Bool
    public var seconds: Double

    public var out: String { String(decoding: stdout, as: UTF8.self) }
    public var err: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs a command to completion with posix_spawn (a clean signal mask and default
/// dispositions, as the test runner's threads block signals), capturing stdout and stderr.
/// A child still running at the deadline is killed with SIGKILL and marked `timedOut`.
public enum ProcessRun {
    public static func run(_ argv: [String], environment: [String: String]? = nil, stdin input: [UInt8]? = nil,
                           directory: String? = nil, timeout: Double = 60) -> ProcessResult {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0], inPipe: [Int32] = [0, 0]
        _ = nt_pipe_cloexec(&outPipe)
        _ = nt_pipe_cloexec(&errPipe)
        if input != nil { _ = nt_pipe_cloexec(&inPipe) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        if let directory { nt_spawn_addchdir(&actions, directory) }
        var attr = SpawnAttributes()
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let start = Date()
        var pid: pid_t = 0
        let rc = withCStrings(argv) { args in
            withCStrings(env) { envp in posix_spawnp(&pid, argv[0], &actions, &attr.value, args, envp) }
        }
        close(outPipe[1])
        close(errPipe[1])
        if input != nil { close(inPipe[0]) }
        guard rc == 0 else {
            close(outPipe[0]); close(errPipe[0])
            if input != nil { close(inPipe[1]) }
            return ProcessResult(status: 127, signal: nil, stdout: [], stderr: Array("spawn failed: \(rc)".utf8), timedOut: false, seconds: 0)
        }
        if let input {
            // Small inputs only (fits the pipe buffer); a closed reader is not an error here.
            signal(SIGPIPE, SIG_IGN)
            _ = input.withUnsafeBytes { write(inPipe[1], $0.baseAddress, $0.count) }
            close(inPipe[1])
        }
        var out: [UInt8] = [], err: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        var timedOut = false
        var buf = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            let left = timeout - Date().timeIntervalSince(start)
            if left <= 0 {
                timedOut = true
                kill(pid, SIGKILL)
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let n = poll(&fds, nfds_t(fds.count), Int32(min(left, 1) * 1000))
            if n <= 0 { continue }
            for p in fds where p.revents != 0 {
                let got = read(p.fd, &buf, buf.count)
                if got > 0 {
                    if p.fd == outPipe[0] { out += buf[0..<got] } else { err += buf[0..<got] }
                } else {
                    open.removeAll { $0 == p.fd }
                }
            }
        }
        close(outPipe[0])
        close(errPipe[0])
        let (status, sig) = Reaper.wait(pid)
        return ProcessResult(status: status, signal: sig, stdout: out, stderr: err, timedOut: timedOut,
                             seconds: Date().timeIntervalSince(start))
    }
}

/// posix_spawn attributes that undo what the test runner's threads inherited:
/// an empty signal mask and default dispositions for every signal.
struct SpawnAttributes {
    var value = posix_spawnattr_t()

    init(newSession: Bool = false) {
        posix_spawnattr_init(&value)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&value, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&value, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if newSession { flags |= Int32(nt_spawn_setsid_flag()) }
        posix_spawnattr_setflags(&value, Int16(flags))
    }
}

/// waitpid that survives EINTR and says how the child ended.
public enum Reaper {
    public static func wait(_ pid: pid_t) -> (status: Int32, signal: Int32?) {
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 {
            if errno != EINTR { return (-1, nil) }
        }
        return decode(raw)
    }

    static func decode(_ raw: Int32) -> (status: Int32, signal: Int32?) {
        let sig = raw & 0x7F
        if sig == 0 { return ((raw >> 8) & 0xFF, nil) }
        return (128 + sig, sig)
    }
}

func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
