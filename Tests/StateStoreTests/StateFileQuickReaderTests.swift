import Foundation
import QuizKit
import Testing
@testable import StateStore

/// The quick reader gives what JSONDecoder gives (dates as seconds since 1970), or nil and
/// leaves the file to JSONDecoder; it never reads a file JSONDecoder refuses.
@Suite struct StateFileQuickReaderTests {
    static func reference(_ bytes: [UInt8]) -> LearnerProgress? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try? decoder.decode(LearnerProgress.self, from: Data(bytes))
    }

    static func encoded(_ p: LearnerProgress) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .secondsSince1970
        return Array(try! encoder.encode(p))
    }

    static func randomProgress(_ g: inout some RandomNumberGenerator) -> LearnerProgress {
        let names = ["tcp", "dns", "x", "é\u{301}", "q\"uote", "back\\slash", "tab\tnew\nline", "\u{1F600}", "\u{7F}", "/"]
        func date() -> Date { Date(timeIntervalSince1970: Double.random(in: 1_600_000_000...1_900_000_000, using: &g)) }  // non-escaping: fine
        var p = LearnerProgress()
        for _ in 0..<Int.random(in: 0...6, using: &g) {
            var answers: [AnswerRecord] = []
            for _ in 0..<Int.random(in: 0...4, using: &g) { answers.append(AnswerRecord(at: date(), correct: Bool.random(using: &g))) }
            let schedule = ReviewSchedule(repetitions: Int.random(in: 0...9, using: &g), easiness: Double.random(in: 1.3...3, using: &g),
                                          intervalDays: Int.random(in: 0...400, using: &g), due: date())
            p.questions[names.randomElement(using: &g)! + "/" + names.randomElement(using: &g)!] = QuestionProgress(answers: answers, schedule: schedule)
        }
        for _ in 0..<Int.random(in: 0...4, using: &g) {
            let best = QuizScore(right: Int.random(in: 0...9, using: &g), total: 9, at: date())
            let last = QuizScore(right: Int.random(in: 0...9, using: &g), total: 9, at: date())
            var seen: Set<String> = []
            for _ in 0..<Int.random(in: 0...3, using: &g) { seen.insert(names.randomElement(using: &g)!) }
            p.lessons[names.randomElement(using: &g)!] = LessonRecord(
                sectionsSeen: seen,
                bestScore: Bool.random(using: &g) ? best : nil, lastScore: Bool.random(using: &g) ? last : nil,
                sectionCount: Bool.random(using: &g) ? Int.random(in: 0...30, using: &g) : nil)
        }
        for _ in 0..<Int.random(in: 0...4, using: &g) {
            p.positions[names.randomElement(using: &g)!] = Position(block: Int.random(in: 0...500, using: &g), offset: Int.random(in: -3...40, using: &g))
        }
        return p
    }

    @Test func filesNettutorWritesReadTheSame() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let p = Self.randomProgress(&g)
            let bytes = Self.encoded(p)
            let quick = StateFileQuickReader.read(bytes)
            #expect(quick != nil, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(quick == Self.reference(bytes))
        }
    }

    @Test func otherFilesReadTheSameOrAreLeftToJSONDecoder() {
        let cases: [String] = [
            #"{"version":1}"#,
            #"{"version":1,"questions":null,"lessons":null,"positions":null}"#,
            #"  {"version" : 1 , "extra": [1, {"a": null}, "x"], "positions": {"t": {"block": 3, "offset": -1, "z": true}}}  "#,
            #"{"version":1,"lessons":{"t":{"position":{"block":2,"offset":0}}}}"#,
            #"{"version":1,"lessons":{"t":{"sectionsSeen":["a","a","b"],"sectionCount":null}}}"#,
            #"{"version":1,"positions":{"t":{"block":1.0,"offset":0}}}"#,
            #"{"version":1,"positions":{"t":{"block":1e2,"offset":0}}}"#,
            #"{"version":1,"positions":{"t":{"block":99999999999999999999,"offset":0}}}"#,
            #"{"version":1,"positions":{"t":{"block":1}}}"#,
            #"{"version":1,"positions":{"t":{"block":null,"offset":0}}}"#,
            #"{"version":1,"version":1}"#,
            #"{"version":2}"#, #"{"version":0}"#, #"{"version":"1"}"#, #"{}"#, #"[]"#, "", "{", #"{"version":1} x"#,
            #"{"version":1,"questions":{"a/b":{"answers":[{"at":1700000000,"correct":true}],"schedule":{"repetitions":1,"easiness":2,"intervalDays":1,"due":1.7e9}}}}"#,
            #"{"version":1,"questions":{"a/b":{"answers":[{"at":1700000000,"correct":1}],"schedule":{"repetitions":1,"easiness":2,"intervalDays":1,"due":1}}}}"#,
            #"{"version":1,"lessons":{"\u00e9\ud83d\ude00\/\n":{}}}"#,
            #"{"version":1,"lessons":{"\ud83d":{}}}"#,
            #"{"version":1,"lessons":{"a\u0000b":{}}}"#,
            "{\"version\":1,\"lessons\":{\"a\u{01}b\":{}}}",
            #"{"version":01}"#, #"{"version":-1}"#, #"{"version":1.}"#, #"{"version":true}"#,
            "\u{FEFF}{\"version\":1}",
        ]
        var inputs = cases.map { Array($0.utf8) }
        inputs.append(Array(#"{"version":1,"lessons":{""#.utf8) + [0xFF] + Array(#"":{}}}"#.utf8))
        for bytes in inputs {
            let quick = StateFileQuickReader.read(bytes)
            let reference = Self.reference(bytes)
            if let quick {
                #expect(quick == reference, "\(String(decoding: bytes, as: UTF8.self))")
            }
            if reference == nil {
                #expect(quick == nil, "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        // The ones it must read itself (not hand to JSONDecoder).
        for text in [cases[0], cases[1], cases[2], cases[4], cases[19], cases[21]] {
            #expect(StateFileQuickReader.read(Array(text.utf8)) != nil, "\(text)")
        }
    }
}
