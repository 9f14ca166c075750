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
        .target(name: "TutorApp", dependencies: ["LessonKit", "Render"]),
        // The only importer of curses.
        .target(name: "Terminal", dependencies: ["Render", "CNcursesw", "CTerminalSupport"]),

        .executableTarget(
            name: "nettutor",
            dependencies: [
                "LessonKit", "BundledCourse", "Render", "TutorApp", "Terminal", "CTerminalSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(name: "TestSupport", dependencies: ["Render"], path: "Tests/TestSupport"),
        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "BundledCourse"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "LessonKit", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "TutorAppTests", dependencies: ["TutorApp", "Render", "LessonKit", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),

        // Quizzes, review and progress (issue 4): pure quiz model and grading, the state file,
        // the quiz card and session views, and the CLI pieces the lead wires into `nettutor`.
        .target(name: "QuizKit", dependencies: ["LessonKit", .product(name: "Yams", package: "Yams")]),
        .target(name: "StateStore", dependencies: ["QuizKit"]),
        .target(name: "QuizCommands", dependencies: ["QuizKit", "StateStore", "LessonKit"]),
        .target(name: "QuizUI", dependencies: ["QuizKit", "Render", "LessonKit"]),
        .testTarget(name: "QuizKitTests", dependencies: ["QuizKit", "LessonKit"], exclude: ["Snapshots"]),
        .executableTarget(name: "StateWriterFixture", dependencies: ["StateStore", "QuizKit"], path: "Tests/StateWriterFixture"),
        .testTarget(name: "StateStoreTests", dependencies: ["StateStore", "QuizKit", "StateWriterFixture"]),
        .testTarget(name: "QuizUITests", dependencies: ["QuizUI", "QuizKit", "Render"], exclude: ["Snapshots"]),
        .testTarget(name: "QuizCommandsTests", dependencies: ["QuizCommands", "StateStore", "QuizKit", "LessonKit"]),
    ],
    swiftLanguageModes: [.v6]
)
