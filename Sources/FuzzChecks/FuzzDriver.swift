#if !FUZZING
import Foundation
#endif

/// What both fuzz executables share: handing the command line to libFuzzer's driver with
/// one check, or (built without libFuzzer) replaying the files named on the command line.
public enum FuzzDriver {
    /// A check returns what went wrong with one input (empty: fine).
    public typealias Check = @Sendable ([UInt8]) -> [String]

    #if FUZZING
    /// The check libFuzzer's C callback runs (a C function pointer cannot capture it).
    nonisolated(unsafe) static var check: Check = { _ in [] }

    /// Runs libFuzzer's driver; a broken property traps, which libFuzzer records as a crash.
    public static func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, check: @escaping Check) -> Int32 {
        Self.check = check
        var count = argc
        var args = argv
        return LLVMFuzzerRunDriver(&count, &args) { data, size in
            let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
            if let first = FuzzDriver.check(bytes).first { fatalError(first) }
            return 0
        }
    }
    #else
    /// Without libFuzzer: replays the files named on the command line (for debugging a crash input).
    public static func replay(check: Check) {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let problems = check(Array(data))
            print("\(path): \(problems.isEmpty ? "ok" : problems.joined(separator: "; "))")
        }
    }
    #endif
}

#if FUZZING
/// libFuzzer's driver (libclang_rt.fuzzer, linked by -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif
