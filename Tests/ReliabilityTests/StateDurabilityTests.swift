import CPtySupport
import Foundation
import QuizKit
import StateStore
import Testing
import TestSupport

/// Progress survives SIGKILL at any moment, and an unusable state directory or a full disk
/// costs nothing but one notice.
@Suite(.serialized, .enabled(if: ReliabilityFixtures.binaryExists, "needs a built nettutor"))
struct StateDurabilityTests {
    typealias F = ReliabilityFixtures

    /// `nettutor quiz` with its stdin and stdout on pipes, read as it answers.
    final class LineQuizChild {
        let pid: pid_t
        let input: Int32
        let output: Int32
        var seen: [UInt8] = []

        init(stateDir: String, seed: Int) throws {
            var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0]
            _ = nt_pipe_cloexec(&inPipe)
            _ = nt_pipe_cloexec(&outPipe)
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            var attr = posix_spawnattr_t()
            posix_spawnattr_init(&attr)
            defer { posix_spawnattr_destroy(&attr) }
            var empty = sigset_t()
            sigemptyset(&empty)
            posix_spawnattr_setsigmask(&attr, &empty)
            posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))
            let argv = [F.binary, "--state-dir", stateDir, "quiz", "tcp", "--seed", "\(seed)"]
            let env = ["HOME=\(stateDir)", "LANG=C.UTF-8", "PATH=/usr/bin:/bin"]
            let cargs = argv.map { strdup($0) } + [nil], cenv = env.map { strdup($0) } + [nil]
            defer { (cargs + cenv).forEach { free($0) } }
            var p: pid_t = 0
            let rc = posix_spawn(&p, F.binary, &actions, &attr, cargs, cenv)
            close(inPipe[0])
            close(outPipe[1])
            guard rc == 0 else { throw PtyError(description: "spawn: \(rc)") }
            pid = p
            input = inPipe[1]
            output = outPipe[0]
            _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
        }

        deinit {
            close(input)
            close(output)
        }

        /// Answers written back with their verdict: each is saved before it is shown.
        var acknowledged: Int {
            let text = String(decoding: seen, as: UTF8.self)
            return text.components(separatedBy: "answer> right").count - 1 + text.components(separatedBy: "answer> wrong").count - 1
        }

        func pump(timeout: Double = 0) {
            let deadline = Date().addingTimeInterval(timeout)
            var buf = [UInt8](repeating: 0, count: 65536)
            repeat {
                var p = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
                if poll(&p, 1, 2) > 0 {
                    let n = read(output, &buf, buf.count)
                    if n > 0 { seen += buf[0..<n]; continue }
                    if n == 0 { return }
                }
            } while Date() < deadline
        }

        func answer(_ line: String) {
            _ = line.withCString { write(input, $0, strlen($0)) }
        }

        func waitForAcknowledged(_ n: Int, timeout: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while acknowledged < n && Date() < deadline { pump(timeout: 0.01) }
            return acknowledged >= n
        }
    }

    static func answersOnDisk(_ dir: String) throws -> (count: Int, notices: [String]) {
        let store = try ProgressStore(directory: dir)
        return (store.state.questions.values.reduce(0) { $0 + $1.answers.count }, store.takeNotices())
    }

    @Test func sigkillAtRandomMomentsNeverLosesAnAcknowledgedAnswer() throws {
        var kills = 0
        var acknowledgedAll = 0
        // A fresh state file every 40 runs: the quiz starts at question 1 each time, and a
        // question keeps its last 100 answers only (LearnerProgress.answersKept).
        for round in 0..<6 {
            let dir = F.temporaryDirectory("kill")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            var acknowledgedTotal = 0
            var sentTotal = 0
            for run in 0..<40 {
                let iteration = round * 40 + run
                let child = try LineQuizChild(stateDir: dir, seed: iteration)
                // A few answers acknowledged, then one more in flight when the kill lands.
                var ok = true
                for _ in 0..<Int.random(in: 0...3) {
                    child.answer("1\n")
                    sentTotal += 1
                    ok = child.waitForAcknowledged(child.acknowledged + 1) && ok
                }
                child.answer("1\n")
                sentTotal += 1
                usleep(UInt32.random(in: 0...4000))
                kill(child.pid, SIGKILL)
                _ = Reaper.wait(child.pid)
                kills += 1
                child.pump(timeout: 0.05)  // whatever it wrote before dying was on screen
                acknowledgedTotal += child.acknowledged
                let disk = try Self.answersOnDisk(dir)
                #expect(ok, "iteration \(iteration): an answer was not acknowledged in time")
                #expect(disk.notices.isEmpty, "iteration \(iteration): state file unusable: \(disk.notices)")
                #expect(disk.count >= acknowledgedTotal, "iteration \(iteration): \(disk.count) answers on disk, \(acknowledgedTotal) acknowledged")
                #expect(disk.count <= sentTotal, "iteration \(iteration): more answers than sent")
                if disk.count < acknowledgedTotal || !disk.notices.isEmpty { return }
            }
            acknowledgedAll += acknowledgedTotal
        }
        #expect(kills >= 200)
        print("SIGKILL test: \(kills) kills, \(acknowledgedAll) acknowledged answers all found on disk")
    }

    @Test func unusableStateDirectoryKeepsTheQuizWorkingWithOneNotice() throws {
        let file = F.temporaryDirectory("notdir") + "/file"
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        for dir in ["/proc/nettutor-state", file] {
            let r = ProcessRun.run([F.binary, "--state-dir", dir, "quiz", "tcp", "--seed", "1"],
                                   environment: F.environment(home: "/tmp"), stdin: Array("1\n1\n1\n".utf8))
            #expect(r.status == 0 && r.signal == nil)
            #expect(r.out.components(separatedBy: "answer> ").count - 1 >= 3, "the quiz went on")
            let notices = r.err.split(separator: "\n").filter { $0.contains("not be saved") || $0.contains("cannot") }
            #expect(notices.count == 1, "\(dir): one notice, got: \(r.err)")
        }
    }

    @Test func unusableStateDirectoryKeepsTheReaderWorking() throws {
        let pty = try PtySession([F.binary, "--state-dir", "/proc/nettutor-state", "open", "tcp"], environment: F.environment(home: "/tmp"))
        #expect(PtyFixtures.waitForReader(pty))
        #expect(pty.waitFor("not be saved", timeout: 5))
        for _ in 0..<20 { pty.send("j") }
        pty.send(" ")
        pty.waitForQuiet(0.3)
        #expect(pty.isRunning)
        pty.send("q")
        #expect(pty.waitForExit(timeout: 10)?.status == 0)
    }

    /// A 64 KiB tmpfs filled to the last block. Needs the right to mount (root in most CI
    /// containers); skipped with the reason otherwise.
    @Test func fullDiskKeepsTheQuizWorkingWithOneNotice() throws {
        let mountPoint = F.temporaryDirectory("tinyfs")
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        let mounted = ProcessRun.run(["/bin/mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint])
        guard mounted.status == 0 else {
            print("skipped: cannot mount a tmpfs here (\(mounted.err.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = ProcessRun.run(["/bin/umount", mountPoint]) }
        try FileManager.default.createDirectory(atPath: mountPoint + "/state", withIntermediateDirectories: true)
        _ = ProcessRun.run(["/bin/dd", "if=/dev/zero", "of=\(mountPoint)/fill", "bs=4k"])
        let r = ProcessRun.run([F.binary, "--state-dir", mountPoint + "/state", "quiz", "tcp", "--seed", "1"],
                               environment: F.environment(home: "/tmp"), stdin: Array("1\n1\n1\n1\n".utf8))
        #expect(r.status == 0 && r.signal == nil)
        #expect(r.out.components(separatedBy: "answer> ").count - 1 >= 4, "every answer graded")
        #expect(r.err.split(separator: "\n").count == 1 && r.err.contains("No space left"), "one notice: \(r.err)")
    }
}
