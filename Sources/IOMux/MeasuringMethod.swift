/// Issue 6's method, shared with bench/iomux_ref.c: double the number of calls until one
/// measurement lasts at least 50 ms, then take 5 measurements of that many calls and
/// report the median ns per call. The loop itself (C) reads the clock only before and
/// after all its calls.
public struct MeasuringMethod: Sendable, Equatable {
    public var minimumNanoseconds: Int64
    public var measurements: Int

    public init(minimumNanoseconds: Int64 = 50_000_000, measurements: Int = 5) {
        self.minimumNanoseconds = minimumNanoseconds
        self.measurements = measurements
    }

    public static let standard = MeasuringMethod()

    /// What one run of the timed loop reports.
    public struct LoopRun: Equatable, Sendable {
        public var elapsedNanoseconds: Int64
        public var mismatchedCalls: Int64
        public var firstWrongReady: Int

        public init(elapsedNanoseconds: Int64, mismatchedCalls: Int64 = 0, firstWrongReady: Int = 0) {
            self.elapsedNanoseconds = elapsedNanoseconds
            self.mismatchedCalls = mismatchedCalls
            self.firstWrongReady = firstWrongReady
        }
    }

    public struct Outcome: Equatable, Sendable {
        public var nsPerCall: Double
        public var callsPerMeasurement: Int
        /// Over every run, calibration included.
        public var mismatchedCalls: Int64
        public var firstWrongReady: Int?
    }

    /// Runs `loop(calls)` as the method says; nil when `isCancelled` turns true
    /// (checked between runs, so a cancel waits at most one run of ~50-100 ms).
    public func measure(isCancelled: () -> Bool, loop: (Int) -> LoopRun) -> Outcome? {
        var mismatched: Int64 = 0
        var firstWrong: Int?
        func run(_ calls: Int) -> Int64 {
            let r = loop(calls)
            if r.mismatchedCalls > 0 {
                mismatched += r.mismatchedCalls
                if firstWrong == nil { firstWrong = r.firstWrongReady }
            }
            return r.elapsedNanoseconds
        }
        var calls = 1
        while true {
            if isCancelled() { return nil }
            if run(calls) >= minimumNanoseconds || calls >= 1 << 40 { break }
            calls *= 2
        }
        var perCall: [Double] = []
        for _ in 0..<measurements {
            if isCancelled() { return nil }
            perCall.append(Double(run(calls)) / Double(calls))
        }
        return Outcome(
            nsPerCall: Self.median(perCall), callsPerMeasurement: calls,
            mismatchedCalls: mismatched, firstWrongReady: firstWrong)
    }

    /// The middle value (mean of the two middle ones for an even count).
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
