/// Yams builds its node tree recursively, so thousands of nested `{`, `[` or `- ` overflow
/// the stack (found by fuzzing the quiz parser). This linear scan finds where YAML nests
/// deeper than any lesson needs, before Yams sees it.
public enum YAMLNesting {
    /// Far beyond real front matter and quiz blocks (a handful of levels), far below the depth
    /// that exhausts a thread's stack.
    public static let limit = 100

    /// The 1-based line and column where the estimated nesting first passes `limit`, or nil.
    /// The estimate counts indentation, `- ` sequence markers and open flow brackets, and skips
    /// comments and block scalars (`|`, `>`); quotes only stop closing brackets from counting,
    /// so a misjudged quote can only make the estimate larger.
    public static func tooDeep(_ source: String, limit: Int = YAMLNesting.limit) -> (line: Int, column: Int)? {
        // Each level of the estimate takes a byte of its own (an indenting space, the `-` of
        // a marker, a bracket): with no more of those than `limit`, it cannot pass it. Most
        // front matter is decided here, without splitting it into lines.
        if source.utf8.lazy.filter({ $0 == 0x20 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }).count <= limit {
            return nil
        }
        var flowDepth = 0
        var quote: UInt8? = nil
        var blockScalarIndent: Int? = nil
        var lineNumber = 0
        for line in source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line)
            var i = 0
            while i < bytes.count, bytes[i] == 0x20 { i += 1 }
            let indent = i
            if let block = blockScalarIndent {
                if i == bytes.count || indent > block { continue }
                blockScalarIndent = nil
            }
            var dashes = 0
            // Counted even where a quote might be open: the scan may misjudge quotes (a `"`
            // inside a plain scalar is text), so every rule errs towards counting more.
            while i + 1 < bytes.count, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == 0x20 {
                dashes += 1
                if indent + dashes > limit { return (lineNumber, i + 1) }
                i += 2
                while i < bytes.count, bytes[i] == 0x20 { i += 1 }
            }
            if indent > limit { return (lineNumber, indent + 1) }
            var lastSignificant: UInt8 = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                    // Opening brackets count inside quotes too (a fuzzed input hid 3,000
                    // braces behind a stray `"`); only closing ones need a known context.
                    flowDepth += 1
                    if indent + dashes + flowDepth > limit { return (lineNumber, i + 1) }
                } else if let q = quote {
                    if b == q { quote = nil }
                    if b == UInt8(ascii: "\\"), q == UInt8(ascii: "\"") { i += 1 }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: "#"), i == 0 || bytes[i - 1] == 0x20 {
                    break
                } else if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                    flowDepth = max(0, flowDepth - 1)
                }
                if b != 0x20 { lastSignificant = b }
                i += 1
            }
            // `key: |`, `- >-`, `|2`: the lines below that are indented more are text.
            let tail = bytes.reversed().drop { $0 == 0x20 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || ($0 >= 0x30 && $0 <= 0x39) }
            if quote == nil, flowDepth == 0, let last = tail.first, last == UInt8(ascii: "|") || last == UInt8(ascii: ">"), lastSignificant != 0 {
                blockScalarIndent = indent
            }
        }
        return nil
    }
}
