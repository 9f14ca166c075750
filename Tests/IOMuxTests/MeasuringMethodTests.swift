import Testing

@testable import IOMux

struct MeasuringMethodTests {
    /// A loop whose every call costs `ns`, recording the call counts it was asked for.
    final class FakeLoop {
        var requested: [Int] = []
        var ns: Int64
        init(ns: Int64) { self.ns = ns }
        func run(_ calls: Int) -> MeasuringMethod.LoopRun {
            requested.append(calls)
            return .init(elapsedNanoseconds: Int64(calls) * ns)
        }
    }

    @Test func callCountDoublesUntilAMeasurementLastsFiftyMilliseconds() {
        let loop = FakeLoop(ns: 1_000_000)  // 1 ms per call: 64 calls reach 50 ms
        let outcome = MeasuringMethod.standard.measure(isCancelled: { false }, loop: loop.run)
        #expect(loop.requested == [1, 2, 4, 8, 16, 32, 64, 64, 64, 64, 64, 64])
        #expect(outcome?.callsPerMeasurement == 64)
        #expect(outcome?.nsPerCall == 1_000_000)
    }

    @Test func reportsTheMedianOfFiveMeasurements() {
        var times: [Int64] = [60, 500, 100, 300, 200, 400]  // calibration run first
        let outcome = MeasuringMethod(minimumNanoseconds: 50, measurements: 5).measure(isCancelled: { false }) { _ in
            .init(elapsedNanoseconds: times.removeFirst())
        }
        #expect(outcome?.nsPerCall == 300)
    }

    @Test func mismatchedReadyCountsAreTotalledWithTheFirstWrongCount() {
        var n = 0
        let outcome = MeasuringMethod(minimumNanoseconds: 1, measurements: 3).measure(isCancelled: { false }) { _ in
            n += 1
            return .init(elapsedNanoseconds: 10, mismatchedCalls: n == 2 ? 3 : 0, firstWrongReady: 7)
        }
        #expect(outcome?.mismatchedCalls == 3)
        #expect(outcome?.firstWrongReady == 7)
    }

    @Test func stopsBetweenRunsWhenCancelled() {
        let loop = FakeLoop(ns: 1000)
        var checks = 0
        let outcome = MeasuringMethod.standard.measure(isCancelled: { checks += 1; return checks > 3 }, loop: loop.run)
        #expect(outcome == nil)
        #expect(loop.requested == [1, 2, 4])
    }

    @Test func medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        #expect(MeasuringMethod.median([4, 1, 3, 2]) == 2.5)
    }
}
