// Writes the state file in a loop so a test can kill -9 it in the middle of a write.
// Usage: StateWriterFixture <state dir> <writes>
import Foundation
import QuizKit
import StateStore

let arguments = CommandLine.arguments
guard arguments.count == 3, let writes = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: StateWriterFixture <dir> <writes>\n".utf8))
    exit(2)
}
do {
    let store = try ProgressStore(directory: arguments[1])
    // A big file makes each write long, so kills land inside writes.
    try store.update { state in
        for i in 0..<3000 { state.record(QuestionKey(lesson: "bulk", question: "q\(i)"), correct: true, at: Date()) }
    }
    FileHandle.standardOutput.write(Data("ready\n".utf8))
    for i in 0..<writes {
        try store.update { $0.record(QuestionKey(lesson: "crash", question: "q\(i % 50)"), correct: i % 3 == 0, at: Date()) }
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
