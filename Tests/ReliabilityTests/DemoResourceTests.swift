import Foundation
import Testing
import TestSupport

/// Demos give back every descriptor and thread: DemoLeakProbe opens and closes each demo
/// 100 times in its own process (so parallel tests cannot disturb the counts).
struct DemoResourceTests {
    struct Report: Decodable {
        var demo: String
        var rounds: Int
        var fdsBefore: Int
        var fdsAfter: Int
        var threadsBefore: Int
        var threadsAfter: Int
        var fdsPeak: Int
        var threadsPeak: Int
    }

    var probe: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("DemoLeakProbe").path
    }

    @Test func eachDemoOpenedAndClosed100TimesReleasesItsDescriptorsAndThreads() throws {
        let r = ProcessRun.run([probe, "100"], timeout: 240)
        #expect(r.status == 0 && !r.timedOut, "\(r.err)")
        let reports = try r.out.split(separator: "\n").map { try JSONDecoder().decode(Report.self, from: Data($0.utf8)) }
        #expect(Set(reports.map(\.demo)) == ["tcp", "tcp-kernel", "iomux-measuring"])
        for report in reports {
            #expect(report.rounds == 100)
            #expect(report.fdsAfter == report.fdsBefore, "\(report.demo): descriptors \(report.fdsBefore) -> \(report.fdsAfter)")
            #expect(report.threadsAfter == report.threadsBefore, "\(report.demo): threads \(report.threadsBefore) -> \(report.threadsAfter)")
        }
        // The probe really used resources, so the equality above means something.
        let kernel = try #require(reports.first { $0.demo == "tcp-kernel" })
        #expect(kernel.fdsPeak > kernel.fdsBefore, "kernel mode opened sockets")
        let iomux = try #require(reports.first { $0.demo == "iomux-measuring" })
        #expect(iomux.fdsPeak > iomux.fdsBefore && iomux.threadsPeak > iomux.threadsBefore, "iomux measured on its own thread")
    }
}
