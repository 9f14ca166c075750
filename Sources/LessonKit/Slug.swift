/// GitHub-style heading anchors: lower-case, keep letters, digits, `-`, `_` and spaces,
/// turn spaces into `-`. Repeats get `-1`, `-2`, ... (see docs/LESSON_FORMAT.md).
public enum Slug {
    public static func make(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch == " " {
                out.append("-")
            } else if ch == "-" || ch == "_" || ch.isLetter || ch.isNumber {
                out.append(ch)
            }
        }
        return out
    }
}

/// Hands out unique anchors within one document.
public struct SlugAllocator {
    private var seen: [String: Int] = [:]

    public init() {}

    public mutating func allocate(for text: String) -> String {
        let base = Slug.make(text)
        let count = seen[base, default: 0]
        seen[base] = count + 1
        return count == 0 ? base : "\(base)-\(count)"
    }
}
