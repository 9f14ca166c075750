// Opens and closes each demo many times in this one process and reports the descriptors
// (/proc/self/fd) and threads (/proc/self/task) before and after, one JSON line per demo.
// A separate process so other tests running in parallel cannot change the counts.
// Usage: DemoLeakProbe [rounds]
import Foundation
import IOMux
import Render
import TCPStepperDemo

func count(_ dir: String) -> Int {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).count
}

/// Threads end a moment after they are joined or detached; wait for the count to settle.
func settledThreads(atMost limit: Int) -> Int {
    let deadline = Date().addingTimeInterval(3)
    var n = count("/proc/self/task")
    while n > limit && Date() < deadline {
        usleep(10_000)
        n = count("/proc/self/task")
    }
    return n
}

/// The most descriptors and threads seen while a demo was open: proof that it used some.
nonisolated(unsafe) var peakFds = 0
nonisolated(unsafe) var peakThreads = 0

func notePeak() {
    peakFds = max(peakFds, count("/proc/self/fd"))
    peakThreads = max(peakThreads, count("/proc/self/task"))
}

func exercise(_ demo: DemoScreen, keys: [Key], ticks: Int) {
    var buffer = ScreenBuffer(width: 100, height: 30)
    for key in keys {
        _ = demo.handle(key)
        demo.tick()
        demo.draw(into: &buffer)
    }
    for _ in 0..<ticks {
        demo.tick()
        usleep(1_000)
        notePeak()
    }
    demo.draw(into: &buffer)
    _ = demo.handle(.char("q"))
    demo.close()
}

let rounds = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100 : 100
// Pick the first scenario and step through it: in kernel mode every step is a socket call.
let scenarioKeys: [Key] = [.char("n"), .enter] + Array(repeating: .char(" "), count: 12)
let demos: [(String, () -> DemoScreen, [Key], Int)] = [
    ("tcp", { TCPDemo(seed: 7) }, scenarioKeys, 2),
    ("tcp-kernel", { TCPDemo(seed: 7, kernel: true) }, scenarioKeys, 6),
    ("iomux-measuring", { IOMuxDemo(fdCounts: [10, 100], active: 1) }, [.char("l"), .tab], 2),
]
// One warm-up round each, so lazily created process-wide threads are counted in "before".
for (_, make, keys, ticks) in demos { exercise(make(), keys: keys, ticks: ticks) }
for (name, make, keys, ticks) in demos {
    let fdsBefore = count("/proc/self/fd")
    let threadsBefore = settledThreads(atMost: 0)
    peakFds = 0
    peakThreads = 0
    for _ in 0..<rounds { exercise(make(), keys: keys, ticks: ticks) }
    let threadsAfter = settledThreads(atMost: threadsBefore)
    let fdsAfter = count("/proc/self/fd")
    print("{\"demo\":\"\(name)\",\"rounds\":\(rounds),\"fdsBefore\":\(fdsBefore),\"fdsAfter\":\(fdsAfter),\"threadsBefore\":\(threadsBefore),\"threadsAfter\":\(threadsAfter),\"fdsPeak\":\(peakFds),\"threadsPeak\":\(peakThreads)}")
}
