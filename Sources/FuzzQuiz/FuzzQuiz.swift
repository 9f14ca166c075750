import FuzzChecks

#if FUZZING
/// SwiftPM links executables with `main` renamed to `<module>_main`, so libFuzzer's own
/// `main` never runs; this entry hands the command line to libFuzzer's driver instead.
@_cdecl("FuzzQuiz_main")
public func fuzzEntry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, check: LessonPipelineCheck.runQuiz)
}
#else
/// Without libFuzzer: replays the files named on the command line (for debugging a crash input).
@main
struct FuzzQuizReplay {
    static func main() {
        FuzzDriver.replay(check: LessonPipelineCheck.runQuiz)
    }
}
#endif
