import Foundation
import TestSupport

/// Paths and generated lessons shared by the reliability tests.
enum ReliabilityFixtures {
    static let packageRoot = TmuxSession.packageRoot
    static let binary = TmuxSession.binary
    static let corpus = "Tests/ReliabilityTests/Corpus/lessons"
    static var corpusPath: String { packageRoot + "/" + corpus }

    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    /// The lessons in the committed corpus that load (front matter fine), by id.
    static let loadable = ["bad-quiz", "circular-a", "circular-b", "code-numbers", "cr-line-endings", "dead-links", "escape-sequences",
                           "invalid-utf8", "invisible-controls", "nul-bytes", "unicode-tables", "unknown-demo"]

    static func frontMatter(_ id: String) -> String {
        "---\nid: \(id)\ntitle: \(id)\nsummary: generated\norder: 1\nminutes: 1\n---\n"
    }

    /// Lessons too big or too regular to commit, written at run time.
    static let generated: [String: @Sendable () -> String] = [
        "long-line": {
            frontMatter("long-line") + "# Long\n\n" + String(repeating: "x", count: 50_000) + "\n\n`"
                + String(repeating: "y", count: 50_000) + "`\n\n```\n" + String(repeating: "z", count: 50_000) + "\n```\n"
        },
        "deep-lists": {
            frontMatter("deep-lists") + "# Deep\n\n" + (0..<1000).map { String(repeating: "  ", count: $0) + "- level \($0)\n" }.joined()
        },
        "deep-quotes": {
            frontMatter("deep-quotes") + "# Deep\n\n" + String(repeating: "> ", count: 1000) + "quoted at depth 1000\n"
        },
        "deep-inlines": {
            frontMatter("deep-inlines") + "# Deep\n\n" + String(repeating: "> - ", count: 500) + "mixed\n\n"
                + String(repeating: "*", count: 1000) + "a" + String(repeating: "*", count: 1000) + "\n\n"
                + String(repeating: "[", count: 1000) + "x" + String(repeating: "](#deep)", count: 1000) + "\n"
        },
        "wide-table": {
            let cols = 0..<500
            let row = "|" + cols.map { "v\($0)" }.joined(separator: "|") + "|\n"
            return frontMatter("wide-table") + "# Wide\n\n|" + cols.map { "c\($0)" }.joined(separator: "|") + "|\n|"
                + cols.map { _ in "---" }.joined(separator: "|") + "|\n" + String(repeating: row, count: 3)
        },
    ]

    /// A fresh directory holding the generated lessons.
    static func generatedDirectory() throws -> String {
        let dir = temporaryDirectory("generated")
        for (id, make) in generated {
            try make().write(toFile: dir + "/\(id).md", atomically: false, encoding: .utf8)
        }
        return dir
    }

    /// About `megabytes` of ordinary lesson text: sections, lists, tables, code, quotes, CJK.
    static func hugeLesson(megabytes: Int) -> String {
        var out = frontMatter("huge") + "# Huge\n\n"
        var i = 0
        while out.utf8.count < megabytes << 20 {
            out += """
                ## Section \(i)

                Paragraph with *emphasis*, **strong**, `code` and a [link](#section-\(max(0, i - 1))). The client sends SYN, \
                the server SYN-ACK, the client ACK. 中文段落需要在窗格边缘换行。

                - item one
                - item two
                  1. nested

                | a | b | c |
                |---|---|---|
                | 1 | 2 | 3 |

                ```sh
                ss -tan state time-wait
                ```

                > quoted text


                """
            i += 1
        }
        return out
    }

    static func temporaryDirectory(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "nettutor-rel-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The environment for a child: a private HOME so no real progress is touched.
    static func environment(home: String, _ extra: [String: String] = [:]) -> [String: String] {
        var env = ["PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        for (k, v) in extra { env[k] = v }
        return env
    }

    static func run(_ args: [String], lessons: String? = nil, env: [String: String] = [:], stdin: [UInt8]? = nil, timeout: Double = 60) -> ProcessResult {
        let home = temporaryDirectory("home")
        defer { try? FileManager.default.removeItem(atPath: home) }
        var argv = [binary]
        if let lessons { argv += ["--lessons", lessons] }
        return ProcessRun.run(argv + args, environment: environment(home: home, env), stdin: stdin, directory: packageRoot, timeout: timeout)
    }
}
