import Foundation
import Render

/// Text snapshots under `Tests/<Target>/Snapshots/<name>.txt`.
/// Set RECORD_SNAPSHOTS=1 to write them anew; a missing snapshot is a failure otherwise.
public enum Snapshot {
    public static func check(_ actual: String, named name: String, file: String = #filePath) -> String? {
        let dir = (file as NSString).deletingLastPathComponent + "/Snapshots"
        let path = dir + "/" + name + ".txt"
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        if record {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try? (actual + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return "missing snapshot \(path) (run with RECORD_SNAPSHOTS=1 to record it)"
        }
        if expected == actual + "\n" { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = (actual + "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>"
            let al = i < a.count ? String(a[i]) : "<none>"
            if el != al {
                return "snapshot \(name) differs at line \(i + 1):\n  expected: \(el)\n  actual:   \(al)"
            }
        }
        return "snapshot \(name) differs"
    }
}

/// Fixture lessons shared by the tests.
public enum Fixtures {
    public static let sample = """
        ---
        id: sample
        title: "A sample lesson"
        summary: "Every construct"
        order: 1
        minutes: 3
        ---
        # Sample

        Some *emphasis*, **strong**, `code` and a [link to part two](#part-two).
        See also [the other lesson](other.md#start) and [a site](https://example.com).

        ## Part one

        1. First item
        2. Second item
           - nested
             - deeper

        | Flag | Meaning |
        |------|---------|
        | SYN | synchronize sequence numbers |
        | FIN | no more data from sender |

        ```sh
        ss -tan state time-wait
        ```

        中文段落需要在窗格边缘换行，这是对阅读器的基本要求。

        ## Part two

        > Quoted text that is long enough to wrap at narrow widths.

        ```demo
        tcp-state
        ```

        The end.
        """

    /// A long lesson: `sections` sections, each with a link to the one before, a list, a
    /// table and a code block, with a quiz block in the first and in the last section.
    public static func long(id: String = "long", sections: Int) -> String {
        var out = "---\nid: \(id)\ntitle: \"A long lesson\"\nsummary: s\norder: 1\nminutes: 1\n---\n# Long\n\n"
        func quiz(_ n: Int) -> String {
            """
            ```quiz
            - id: q\(n)
              type: truefalse
              prompt: "Section \(n) comes after section \(max(0, n - 1))."
              answer: \(n > 0 ? "true" : "false")
              why: "They are numbered in order."
              explain: "Sections follow each other."
            ```


            """
        }
        for i in 0..<sections {
            out += "## Section \(i)\n\nText of section \(i), with a [link back](#section-\(max(0, i - 1))) and a word: needle\(i).\n\n"
            out += "- one\n- two\n\n| a | b |\n|---|---|\n| \(i) | x |\n\n```sh\necho \(i)\n```\n\n"
            if i == 0 || i == sections - 1 { out += quiz(i) }
        }
        return out
    }

    public static let other = """
        ---
        id: other
        title: "The other lesson"
        summary: "Linked from sample"
        order: 2
        minutes: 1
        ---
        ## Start

        Back to [the sample](sample.md).
        """
}
