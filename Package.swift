// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "nettutor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nettutor", targets: ["nettutor"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        // C libraries from Debian, reached through small shim headers.
        .systemLibrary(
            name: "CNcursesw",
            // No pkgConfig: ncursesw.pc only adds -D flags SwiftPM refuses (the shim defines them).
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CTerminalSupport"),

        // Lessons: Markdown + front matter -> Document values. The only importer of cmark.
        .target(
            name: "LessonKit",
            dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
        // The course, embedded in the binary at build time.
        .executableTarget(name: "LessonEmbedder", path: "Sources/LessonEmbedder"),
        .plugin(name: "EmbedLessons", capability: .buildTool(), dependencies: ["LessonEmbedder"]),
        .target(name: "BundledCourse", plugins: ["EmbedLessons"]),

        // Pure layout: Document + width -> lines of styled cells; the screen buffer.
        .target(name: "Render", dependencies: ["LessonKit"]),
        // Pure app state and update(state, event) -> (state, effects); the views.
        .target(name: "TutorApp", dependencies: ["LessonKit", "Render", "QuizKit", "QuizUI"]),
        // The only importer of curses.
        .target(name: "Terminal", dependencies: ["Render", "CNcursesw", "CTerminalSupport"]),

        .executableTarget(
            name: "nettutor",
            dependencies: [
                "LessonKit", "BundledCourse", "Render", "TutorApp", "Terminal", "CTerminalSupport",
                "QuizKit", "QuizUI", "QuizCommands", "StateStore", "TCPModel", "TCPKernelProbe", "TCPStepperDemo", "IOMux", "PlainJSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(name: "TestSupport", dependencies: ["Render", "CPtySupport"], path: "Tests/TestSupport"),
        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "BundledCourse", "TestSupport"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "LessonKit", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "TutorAppTests", dependencies: ["TutorApp", "Render", "LessonKit", "QuizKit", "BundledCourse", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
        .testTarget(name: "CourseTests", dependencies: ["LessonKit", "QuizKit", "Render", "BundledCourse"]),
        // The TCP state-machine stepper (issue 5): pure RFC 9293 model and script runner.
        // One-line JSON output shared by the scriptable commands.
        .target(name: "PlainJSON"),
        .target(name: "TCPModel", dependencies: ["PlainJSON"]),
        .testTarget(name: "TCPModelTests", dependencies: ["TCPModel"]),
        // Kernel mode of the TCP stepper: the same calls on real loopback sockets, states from /proc/net/tcp.
        .target(name: "TCPKernelProbe", dependencies: ["TCPModel", "PlainJSON"]),
        .testTarget(name: "TCPKernelProbeTests", dependencies: ["TCPKernelProbe", "TCPModel"]),
        // The full-screen TCP stepper demo: pure state/update, views into the screen buffer.
        .target(name: "TCPStepperDemo", dependencies: ["Render", "TCPModel", "TCPKernelProbe"]),
        .testTarget(name: "TCPStepperDemoTests", dependencies: ["TCPStepperDemo", "TCPModel", "TCPKernelProbe", "Render"], exclude: ["Snapshots"]),

        // select vs poll vs epoll demo (issue 6): the timed loops in C so they add no cost
        // of their own (built -O2 even in debug so the demo's numbers match a C build).
        .target(name: "CIOMux", cSettings: [.unsafeFlags(["-O2"])]),
        // The probe (eventfds, the measuring method, a background runner), the JSON
        // command, and the full-screen demo view.
        .target(name: "IOMux", dependencies: ["CIOMux", "Render", "PlainJSON"]),
        .testTarget(name: "IOMuxTests", dependencies: ["IOMux", "Render"], exclude: ["Snapshots"]),
        // Benchmark (not a test): Swift beside bench/iomux_ref.c; run through bench/iomux.sh.
        .executableTarget(name: "IOMuxBench", dependencies: ["IOMux"]),

        // Quizzes, review and progress (issue 4): pure quiz model and grading, the state file,
        // the quiz card and session views, and the CLI pieces the lead wires into `nettutor`.
        .target(name: "QuizKit", dependencies: ["LessonKit", .product(name: "Yams", package: "Yams")]),
        .target(name: "StateStore", dependencies: ["QuizKit"]),
        .target(name: "QuizCommands", dependencies: ["QuizKit", "StateStore", "LessonKit"]),
        .target(name: "QuizUI", dependencies: ["QuizKit", "Render", "LessonKit"]),
        .testTarget(name: "QuizKitTests", dependencies: ["QuizKit", "LessonKit", "TestSupport"], exclude: ["Snapshots"]),
        .executableTarget(name: "StateWriterFixture", dependencies: ["StateStore", "QuizKit"], path: "Tests/StateWriterFixture"),
        .testTarget(name: "StateStoreTests", dependencies: ["StateStore", "QuizKit", "StateWriterFixture", "TestSupport"]),
        .testTarget(name: "QuizUITests", dependencies: ["QuizUI", "QuizKit", "Render", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "QuizCommandsTests", dependencies: ["QuizCommands", "StateStore", "QuizKit", "LessonKit", "TestSupport"]),
        // Reliability (issue 7): the properties fuzzing checks (shared with the regression
        // test), the two libFuzzer targets (`make fuzz`), and the hostile-input tests.
        .target(name: "FuzzChecks", dependencies: ["LessonKit", "Render", "QuizKit", "TutorApp"]),
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "FuzzQuiz", dependencies: ["FuzzChecks"]),
        .target(name: "CPtySupport", path: "Tests/CPtySupport"),
        .executableTarget(name: "DemoLeakProbe", dependencies: ["TCPStepperDemo", "IOMux", "Render"], path: "Tests/DemoLeakProbe"),
        .testTarget(name: "ReliabilityTests", dependencies: ["FuzzChecks", "LessonKit", "Render", "TutorApp", "QuizKit", "StateStore", "TCPStepperDemo", "TCPKernelProbe", "IOMux", "TestSupport", "CPtySupport", "DemoLeakProbe"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
