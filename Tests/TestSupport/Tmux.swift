import Foundation

/// Drives the real binary inside a detached tmux session of a fixed size, on a private
/// socket, for end-to-end tests: send keys, read the screen, poll with a timeout.
public final class TmuxSession {
    public let socket: String
    public let name = "e2e"
    public let stateDir: String

    public static var packageRoot: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }

    /// The binary under test: $NETTUTOR_BIN or `.build/debug/nettutor`.
    public static var binary: String {
        ProcessInfo.processInfo.environment["NETTUTOR_BIN"] ?? packageRoot + "/.build/debug/nettutor"
    }

    public static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") && FileManager.default.isExecutableFile(atPath: binary)
    }

    /// Starts an interactive shell in the session (so the test can check it is usable
    /// after the program exits) with a clean prompt.
    public init(width: Int = 80, height: Int = 24, env: [String: String] = [:]) throws {
        let id = UInt32.random(in: 0...UInt32.max)
        socket = "/tmp/nettutor-e2e-\(getpid())-\(id).sock"
        stateDir = "/tmp/nettutor-e2e-state-\(getpid())-\(id)"
        var envArgs: [String] = []
        let base = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": stateDir]
        for (k, v) in base.merging(env, uniquingKeysWith: { $1 }) { envArgs += ["-e", "\(k)=\(v)"] }
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)"] + envArgs + ["bash --norc --noprofile"])
        _ = waitFor("#", timeout: 5)
        run("PS1='$ '; clear")
        _ = waitUntil(timeout: 5) { $0.hasPrefix("$") }
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
        try? FileManager.default.removeItem(atPath: stateDir)
    }

    @discardableResult
    public func tmux(_ args: [String]) throws -> String {
        // Only capture output of commands that do not start the server: a server started
        // by new-session would inherit the pipe and never let it reach end of file.
        Subprocess.run(["/usr/bin/tmux", "-S", socket] + args, capture: args.contains("capture-pane"))
    }

    /// Types a command line into the shell and presses Enter.
    public func run(_ command: String) {
        _ = try? tmux(["send-keys", "-t", name, "-l", command])
        _ = try? tmux(["send-keys", "-t", name, "Enter"])
    }

    /// Sends tmux key names (`Down`, `Enter`, `Escape`, `Tab`, `q`, `C-c` ...).
    public func send(_ keys: String...) {
        _ = try? tmux(["send-keys", "-t", name] + keys)
    }

    /// Sends literal text.
    public func type(_ text: String) {
        _ = try? tmux(["send-keys", "-t", name, "-l", text])
    }

    public func screen() -> String {
        (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
    }

    public func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `predicate` holds or the timeout passes; returns the last screen.
    public func waitUntil(timeout: Double = 5, _ predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if predicate(last) { return (true, last) }
            usleep(50_000)
        }
        return (false, last)
    }

    /// Waits for a fresh shell prompt: a last non-empty line that is just `$`.
    public func waitForPrompt(timeout: Double = 5) -> (ok: Bool, screen: String) {
        waitUntil(timeout: timeout) { screen in
            screen.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }).map { $0.trimmingCharacters(in: .whitespaces) == "$" } ?? false
        }
    }

    public func waitFor(_ text: String, timeout: Double = 5) -> (ok: Bool, screen: String) {
        waitUntil(timeout: timeout) { $0.contains(text) }
    }

    public var nettutor: String {
        "\(TmuxSession.binary) --state-dir \(stateDir)"
    }
}

/// posix_spawn + waitpid: Foundation's Process can hang in waitUntilExit inside test tasks.
public enum Subprocess {
    /// Runs a command; returns stdout, stderr and the exit status.
    public static func capture(_ argv: [String], input: String = "", environment: [String: String]? = nil) -> (output: String, error: String, status: Int32) {
        let errPath = "/tmp/nettutor-stderr-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let inPath = errPath + ".in"
        _ = FileManager.default.createFile(atPath: inPath, contents: Data(input.utf8))
        defer { unlink(errPath); unlink(inPath) }
        var status: Int32 = 0
        let out = run(argv, capture: true, stdinPath: inPath, stderrPath: errPath, environment: environment, status: &status)
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (out, err, status)
    }

    /// Runs a command with `input` on its stdin; returns its stdout and exit status.
    public static func pipe(_ argv: [String], input: String) -> (output: String, status: Int32) {
        let path = "/tmp/nettutor-stdin-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        _ = FileManager.default.createFile(atPath: path, contents: Data(input.utf8))
        defer { unlink(path) }
        var status: Int32 = 0
        let out = run(argv, capture: true, stdinPath: path, status: &status)
        return (out, status)
    }

    @discardableResult
    public static func run(_ argv: [String], capture: Bool = false) -> String {
        var status: Int32 = 0
        return run(argv, capture: capture, stdinPath: "/dev/null", status: &status)
    }

    static func run(_ argv: [String], capture: Bool, stdinPath: String, stderrPath: String = "/dev/null",
                    environment: [String: String]? = nil, status exitStatus: inout Int32) -> String {
        var fds: [Int32] = [0, 0]
        if capture { _ = Glibc.pipe(&fds) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let cargs = argv.map { strdup($0) } + [nil]
        defer { cargs.forEach { free($0) } }
        // Test runner threads block signals; a blocked mask would be inherited by tmux,
        // the shell and the program under test. Start them with none blocked.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let envStrings = environment.map { $0.map { "\($0.key)=\($0.value)" } }
        let cenv: [UnsafeMutablePointer<CChar>?]? = envStrings.map { $0.map { strdup($0) } + [nil] }
        defer { cenv?.forEach { free($0) } }
        let rc = cenv.map { env in env.withUnsafeBufferPointer { posix_spawn(&pid, argv[0], &actions, &attr, cargs, $0.baseAddress) } }
            ?? posix_spawn(&pid, argv[0], &actions, &attr, cargs, environ)
        if capture { close(fds[1]) }
        guard rc == 0 else {
            if capture { close(fds[0]) }
            exitStatus = 127
            return ""
        }
        var output = [UInt8]()
        if capture {
            var buf = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buf, buf.count)
                if n <= 0 { break }
                output += buf[0..<n]
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return String(decoding: output, as: UTF8.self)
    }
}
