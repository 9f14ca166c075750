import FuzzChecks

#if FUZZING
/// SwiftPM links executables with `main` renamed to `<module>_main`, so libFuzzer's own
/// `main` never runs; this entry hands the command line to libFuzzer's driver instead.
@_cdecl("FuzzMarkdown_main")
public func fuzzEntry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, check: LessonPipelineCheck.run)
}
#else
/// Without libFuzzer: replays the files named on the command line (for debugging a crash input).
@main
struct FuzzMarkdownReplay {
    static func main() {
        FuzzDriver.replay(check: LessonPipelineCheck.run)
    }
}
#endif
