import FuzzChecks
import Foundation
import Testing

/// Replays every input the fuzzers ever found (and the seed corpus) through the same checks
/// the fuzz targets run, so a fixed crash stays fixed in CI.
struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

    static func files(_ dirs: [String]) -> [String] {
        dirs.flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted().map { dir + "/" + $0 }
        }
    }

    @Test func markdownRegressionInputsKeepThePipelineInvariants() throws {
        let paths = Self.files([Self.root + "/Corpus/fuzz-regressions/markdown", Self.root + "/../../Fuzz/corpus/markdown"])
        #expect(!paths.isEmpty)
        for path in paths {
            let data = try #require(FileManager.default.contents(atPath: path))
            let problems = LessonPipelineCheck.run(Array(data))
            #expect(problems.isEmpty, "\(path): \(problems.prefix(3))")
        }
    }

    @Test func quizRegressionInputsKeepTheParserInvariants() throws {
        let paths = Self.files([Self.root + "/Corpus/fuzz-regressions/quiz", Self.root + "/../../Fuzz/corpus/quiz"])
        #expect(!paths.isEmpty)
        for path in paths {
            let data = try #require(FileManager.default.contents(atPath: path))
            let problems = LessonPipelineCheck.runQuiz(Array(data))
            #expect(problems.isEmpty, "\(path): \(problems.prefix(3))")
        }
    }
}
