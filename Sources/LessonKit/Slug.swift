/// GitHub-style heading anchors: lower-case, keep letters, digits, `-`, `_` and spaces,
/// turn spaces into `-`. Repeats get `-1`, `-2`, ... (see docs/LESSON_FORMAT.md).
public enum Slug {
    public static func make(_ text: String) -> String {
        if let ascii = makeASCII(text) { return ascii }
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

    /// The same rule on ASCII text, decided on the bytes (nil when `text` is not ASCII):
    /// lower-casing and `Character.isLetter`/`isNumber` cost about 20,000 instructions per
    /// heading. In ASCII the letters are A-Z and a-z and the numbers 0-9.
    static func makeASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for b in bytes {
                switch b {
                case UInt8(ascii: " "): out.append(UInt8(ascii: "-"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(b + 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    out.append(b)
                case 0x80...: return nil
                default: break
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
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
