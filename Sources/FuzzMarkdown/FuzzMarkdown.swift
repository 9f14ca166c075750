import FuzzChecks

#if FUZZING
/// libFuzzer's driver (libclang_rt.fuzzer, linked by -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links executables with `main` renamed to `<module>_main`, so libFuzzer's own
/// `main` never runs; this entry hands the command line to libFuzzer's driver instead.
@_cdecl("FuzzMarkdown_main")
public func fuzzEntry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var args = argv
    return LLVMFuzzerRunDriver(&count, &args) { data, size in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let problems = LessonPipelineCheck.run(bytes)
        if let first = problems.first { fatalError(first) }
        return 0
    }
}
#else
import Foundation

/// Without libFuzzer: replays the files named on the command line (for debugging a crash input).
@main
struct FuzzMarkdownReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let problems = LessonPipelineCheck.run(Array(data))
            print("\(path): \(problems.isEmpty ? "ok" : problems.joined(separator: "; "))")
        }
    }
}
#endif
