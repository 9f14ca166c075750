import Foundation
import Testing
import TestSupport
@testable import QuizKit
@testable import StateStore

#if canImport(Glibc)
import Glibc
#endif

@Suite struct KillTests {
    /// The fixture binary SwiftPM builds next to the test bundle.
    var fixture: URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("StateWriterFixture")
    }

    @Test func killNineDuringWritesNeverLeavesAFileThatFailsToLoad() throws {
        let dir = scratchDirectory()
        for trial in 0..<6 {
            let process = Process()
            process.executableURL = fixture
            process.arguments = [dir, "100000"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            // Wait until it is writing in its loop, then kill it a little later each trial.
            _ = pipe.fileHandleForReading.availableData
            usleep(UInt32(5_000 + trial * 7_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let store = try ProgressStore(directory: dir)
            #expect(store.notices.isEmpty, "trial \(trial): \(store.notices)")
            #expect(store.state.questions.count >= 3000)
        }
    }
}
