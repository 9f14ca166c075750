import Foundation
import Testing
import TestSupport
@testable import QuizKit
@testable import StateStore

#if canImport(Glibc)
import Glibc
#endif

let now = Date(timeIntervalSince1970: 1_800_000_000)


func writeText(_ text: String, to path: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

func listing(_ dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
}

let key = QuestionKey(lesson: "tcp", question: "syn")

@Suite struct ProgressStoreTests {
    @Test func missingFileLoadsAsEmptyState() throws {
        let store = try ProgressStore(directory: scratchDirectory() + "/a/b")
        #expect(store.state == LearnerProgress())
        #expect(store.notices.isEmpty)
    }

    @Test func roundTripKeepsEverything() throws {
        let dir = scratchDirectory()
        let store = try ProgressStore(directory: dir, clock: { now })
        try store.update {
            $0.record(key, correct: false, at: now.addingTimeInterval(0.25), lessonQuestions: ["syn"])
            $0.markSectionSeen(lesson: "tcp", anchor: "the-handshake")
            $0.positions["tcp"] = Position(block: 12, offset: 3)
        }
        let again = try ProgressStore(directory: dir)
        #expect(again.state == store.state)
        #expect(again.state.positions["tcp"] == Position(block: 12, offset: 3))
    }

    @Test func fileCarriesItsVersion() throws {
        let dir = scratchDirectory()
        try ProgressStore(directory: dir).update { $0.positions["x"] = Position(block: 1, offset: 0) }
        let text = try String(contentsOfFile: dir + "/state.json", encoding: .utf8)
        #expect(text.contains("\"version\" : 1"))
    }

    @Test func corruptFileIsSetAsideWithANotice() throws {
        let dir = scratchDirectory()
        writeText("{\"version\": 1, \"questions\": {", to: dir + "/state.json")
        let store = try ProgressStore(directory: dir, clock: { now })
        #expect(store.state == LearnerProgress())
        #expect(listing(dir).contains("state.json.bak-20270115T080000Z"))
        #expect(store.notices.count == 1)
        #expect(store.notices[0].contains("was set aside because it is not a nettutor state file"))
    }

    @Test func fileFromANewerVersionIsSetAsideNotOverwritten() throws {
        let dir = scratchDirectory()
        writeText("{\"version\": 99, \"future\": true}", to: dir + "/state.json")
        let store = try ProgressStore(directory: dir, clock: { now })
        #expect(store.notices.first?.contains("written by a newer nettutor (format 99; this one reads 1)") == true)
        let backup = try String(contentsOfFile: dir + "/state.json.bak-20270115T080000Z", encoding: .utf8)
        #expect(backup.contains("future"))
    }

    @Test func wrongShapeIsReportedAsDamaged() throws {
        let dir = scratchDirectory()
        writeText("{\"version\": 1, \"positions\": {\"tcp\": {\"block\": \"x\"}}}", to: dir + "/state.json")
        let store = try ProgressStore(directory: dir, clock: { now })
        #expect(store.notices.first?.contains("it is damaged (bad value at positions.tcp.block)") == true)
    }

    @Test func secondBackupInTheSameSecondGetsASuffix() throws {
        let dir = scratchDirectory()
        writeText("garbage", to: dir + "/state.json")
        _ = try ProgressStore(directory: dir, clock: { now })
        writeText("garbage", to: dir + "/state.json")
        _ = try ProgressStore(directory: dir, clock: { now })
        #expect(listing(dir).filter { $0.contains(".bak-") } == ["state.json.bak-20270115T080000Z", "state.json.bak-20270115T080000Z-1"])
    }

    @Test func tornTempFileFromAKilledWriterIsIgnoredAndCleanedUp() throws {
        let dir = scratchDirectory()
        let first = try ProgressStore(directory: dir)
        try first.update { $0.record(key, correct: true, at: now) }
        // A writer killed half way through leaves a truncated temp file; state.json is intact.
        writeText("{\"version\": 1, \"questi", to: dir + "/state.json.tmp-4242")
        let second = try ProgressStore(directory: dir)
        #expect(second.state == first.state)
        #expect(second.notices.isEmpty)
        try second.update { $0.positions["tcp"] = Position(block: 1, offset: 0) }
        #expect(!listing(dir).contains("state.json.tmp-4242"))
    }

    @Test func updateOnAFileThatWentBadKeepsTheInMemoryState() throws {
        let dir = scratchDirectory()
        let store = try ProgressStore(directory: dir, clock: { now })
        try store.update { $0.record(key, correct: true, at: now) }
        writeText("", to: dir + "/state.json")
        try store.update { $0.positions["tcp"] = Position(block: 2, offset: 0) }
        let again = try ProgressStore(directory: dir)
        #expect(again.state.progress(of: key)?.answers.count == 1)
        #expect(again.state.positions["tcp"] == Position(block: 2, offset: 0))
    }

    @Test func twoInstancesDoNotLoseEachOthersAnswers() throws {
        let dir = scratchDirectory()
        let a = try ProgressStore(directory: dir)
        let b = try ProgressStore(directory: dir)
        try a.update { $0.record(QuestionKey(lesson: "tcp", question: "one"), correct: true, at: now) }
        try b.update { $0.record(QuestionKey(lesson: "tcp", question: "two"), correct: false, at: now) }
        try a.update { $0.record(QuestionKey(lesson: "dns", question: "three"), correct: true, at: now) }
        let merged = try ProgressStore(directory: dir).state
        #expect(merged.answeredKeys().map(\.description) == ["dns/three", "tcp/one", "tcp/two"])
        #expect(a.state == merged)
    }

    @Test func concurrentWritersKeepEveryAnswer() throws {
        let dir = scratchDirectory()
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            guard let store = try? ProgressStore(directory: dir) else { return }
            for i in 0..<25 {
                try? store.update { $0.record(QuestionKey(lesson: "w\(writer)", question: "q\(i)"), correct: true, at: now) }
            }
        }
        #expect(try ProgressStore(directory: dir).state.questions.count == 100)
    }

    @Test func unwritableDirectoryIsATypedError() throws {
        let dir = scratchDirectory()
        writeText("x", to: dir + "/file")
        #expect(throws: ProgressStoreError.self) { try ProgressStore(directory: dir + "/file/sub") }
    }
}

@Suite struct StateDirectoryTests {
    @Test func overrideWins() {
        #expect(StateDirectory.resolve(override: "/x", environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/x")
    }

    @Test func xdgStateHomeIsUsed() {
        #expect(StateDirectory.resolve(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/nettutor")
    }

    @Test func relativeXdgStateHomeIsIgnored() {
        #expect(StateDirectory.resolve(environment: ["XDG_STATE_HOME": "s", "HOME": "/h"]) == "/h/.local/state/nettutor")
    }

    @Test func noHomeGivesNil() {
        #expect(StateDirectory.resolve(environment: [:]) == nil)
    }
}

@Suite struct ProgressStoreMergeTests {
    @Test func savingAStaleWholeCopyKeepsAnswersAnotherInstanceSaved() throws {
        let dir = scratchDirectory()
        let reader = try ProgressStore(directory: dir)
        var appCopy = reader.state
        // Meanwhile another instance saves an answer.
        try ProgressStore(directory: dir).update { $0.record(key, correct: true, at: now) }
        appCopy.positions["tcp"] = Position(block: 7, offset: 1)
        try reader.save(merging: appCopy)
        let saved = try ProgressStore(directory: dir).state
        #expect(saved.progress(of: key)?.answers.count == 1)
        #expect(saved.positions["tcp"] == Position(block: 7, offset: 1))
    }

    @Test func fileFromTheReadersFirstFormatLoadsWithItsPositions() throws {
        let dir = scratchDirectory()
        writeText("""
            {"version": 1, "lessons": {"tcp": {"position": {"block": 3, "offset": 2},
             "sectionsSeen": ["intro"], "sectionCount": 5}}}
            """, to: dir + "/state.json")
        let store = try ProgressStore(directory: dir)
        #expect(store.notices.isEmpty)
        #expect(store.state.positions["tcp"] == Position(block: 3, offset: 2))
        #expect(store.state.lessons["tcp"]?.sectionsSeen == ["intro"])
    }
}
