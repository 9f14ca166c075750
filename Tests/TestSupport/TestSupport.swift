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
