// Benchmark for issue 6: runs the Swift measurement (IOMux, in this process) and the plain
// C reference (bench/iomux_ref.c, as a child process) with the same method, in rounds that
// alternate which goes first, and prints both per method and N with their ratio.
// Not a unit test: run bench/iomux.sh, which builds this in release mode.
import Foundation
import IOMux

struct Options {
    var reference = ""
    var fds = IOMuxCommand.defaultFdCounts
    var active = 1
    var rounds = 3
    var limit = 1.25
    /// Measure as the demo does, from a second thread (the C program then keeps an idle
    /// second thread), instead of single-threaded on both sides.
    var idleThread = false
}

func parseOptions() throws -> Options {
    var o = Options()
    var args = CommandLine.arguments.dropFirst()
    while let flag = args.popFirst() {
        if flag == "--idle-thread" {
            o.idleThread = true
            continue
        }
        guard let value = args.popFirst() else { throw BenchError("missing value after \(flag)") }
        switch flag {
        case "--reference": o.reference = value
        case "--fds": o.fds = try IOMuxCommand.parseFdList(value)
        case "--active": o.active = Int(value) ?? 1
        case "--rounds": o.rounds = max(1, Int(value) ?? 3)
        default: throw BenchError("unknown option \(flag)")
        }
    }
    return o
}

/// "method N" -> ns per call (per add, for epoll_ctl); a nil value when skipped.
typealias Round = [String: Double?]

func key(_ method: String, _ n: Int) -> String { "\(method) \(n)" }

func swiftRound(_ o: Options) -> Round {
    let plan = MeasurementPlan(fdCounts: o.fds, active: o.active)
    var events: [ProbeEvent] = []
    if o.idleThread {
        // The demo's own path: the probe on a Thread while this (main) thread waits.
        let runner = MeasurementRunner(probe: SystemIOMuxProbe(), plan: plan)
        runner.start()
        usleep(1000)
        print("Swift round: \(threadCount()) threads while measuring")
        runner.waitUntilFinished(timeout: 3600)
        events = runner.drain()
    } else {
        print("Swift round: \(threadCount()) thread(s) while measuring")
        SystemIOMuxProbe().run(plan, isCancelled: { false }) { events.append($0) }
    }
    var round: Round = [:]
    for event in events {
        switch event {
        case .result(let m):
            if case .measured(_, let ready, _) = m.outcome, ready != o.active {
                print("warning: Swift \(m.method.name) N=\(m.fds) reported \(ready) ready, not \(o.active)")
            }
            round[key(m.method.name, m.fds)] = .some(m.nsPerCall)
        case .epollAdd(let c): round[key("epoll_ctl", c.fds)] = .some(c.nsPerAdd)
        case .failed(let reason):
            print("Swift probe failed: \(reason)")
            exit(1)
        default: break
        }
    }
    return round
}

func cRound(_ o: Options) throws -> Round {
    var args = ["--fds", o.fds.map(String.init).joined(separator: ","), "--active", String(o.active)]
    if o.idleThread { args.append("--idle-thread") }
    var round: Round = [:]
    for line in try runReference(o.reference, args).split(separator: "\n") {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let method = object["method"] as? String, let n = object["fds"] as? Int
        else { continue }
        if let ready = object["ready"] as? Int, ready != o.active {
            print("warning: C \(method) N=\(n) reported \(ready) ready, not \(o.active)")
        }
        round[key(method, n)] = .some((object["ns_per_call"] ?? object["ns_per_add"]) as? Double)
    }
    return round
}

func median(_ rounds: [Round], _ k: String) -> Double? {
    let values = rounds.compactMap { $0[k] ?? nil }
    return values.isEmpty ? nil : MeasuringMethod.median(values)
}

func right(_ s: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - s.count)) + s
}

func left(_ s: String, _ width: Int) -> String {
    s + String(repeating: " ", count: max(0, width - s.count))
}

do {
    let o = try parseOptions()
    guard !o.reference.isEmpty else {
        print("usage: IOMuxBench --reference PATH [--fds 10,100,1000] [--active K] [--rounds R] [--idle-thread]")
        exit(2)
    }
    var swiftRounds: [Round] = []
    var cRounds: [Round] = []
    for r in 0..<o.rounds {
        // Alternate the order so neither side always runs on a warmer (or busier) machine.
        if r % 2 == 0 {
            swiftRounds.append(swiftRound(o))
            cRounds.append(try cRound(o))
        } else {
            cRounds.append(try cRound(o))
            swiftRounds.append(swiftRound(o))
        }
        print("round \(r + 1) of \(o.rounds) done")
    }
    print(o.idleThread ? "both sides with a second thread (the demo's setting)" : "both sides single-threaded")
    print("K=\(o.active); median over \(o.rounds) rounds of each side's median-of-5 ns per call")
    print("method        N     Swift ns        C ns   Swift/C")
    var worst = 0.0
    for n in o.fds {
        for method in ["select", "poll", "epoll", "epoll_ctl"] {
            let k = key(method, n)
            guard let s = median(swiftRounds, k), let c = median(cRounds, k) else {
                print(left(method, 9) + right(String(n), 6) + "     skipped (fd >= FD_SETSIZE)")
                continue
            }
            let ratio = s / c
            if method != "epoll_ctl" { worst = max(worst, ratio) }
            print(left(method, 9) + right(String(n), 6) + right(String(format: "%.1f", s), 13)
                + right(String(format: "%.1f", c), 12) + right(String(format: "%.2f", ratio), 10))
        }
    }
    let verdict = worst <= o.limit ? "within" : "OVER"
    print("worst Swift/C ratio of the readiness loops: \(String(format: "%.2f", worst)) (\(verdict) the \(o.limit)x limit)")
    exit(worst <= o.limit ? 0 : 1)
} catch {
    print("IOMuxBench: \(error)")
    exit(2)
}
