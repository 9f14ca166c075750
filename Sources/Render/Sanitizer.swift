/// Keeps lesson text from controlling the terminal: every C0 and C1 control, DEL and the
/// bidirectional overrides are replaced by visible stand-ins before anything is laid out.
public enum Sanitizer {
    /// True when `text` needs no replacement (the common, fast case). Decides on the UTF-8
    /// bytes alone, one pass: every scalar `replacement(for:)` replaces has a fixed encoding.
    public static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isClean(bytes: $0) }
    }

    static func isClean(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x20 || b == 0x7F { return false }
            if b >= 0xC2 {
                let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
                switch b {
                case 0xC2:
                    if b1 >= 0x80 && b1 < 0xA0 { return false }  // U+0080...U+009F, the C1 controls (CSI is U+009B)
                case 0xD8:
                    if b1 == 0x9C { return false }  // U+061C ARABIC LETTER MARK
                case 0xE2:
                    let b2: UInt8 = i + 2 < n ? bytes[i + 2] : 0
                    if b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE)) { return false }  // U+200E/F, U+202A...E
                    if b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9 { return false }  // U+2066...U+2069
                default:
                    break
                }
            }
            i += 1
        }
        return true
    }

    /// The visible stand-in for a scalar that must not reach the terminal, or nil if it is safe.
    public static func replacement(for s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        switch v {
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + v)  // ␀ ... ␟ (␛ for ESC)
        case 0x7F: return "\u{2421}"  // ␡
        case 0x80..<0xA0: return "\u{FFFD}"  // C1 controls (CSI is U+009B)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return "\u{FFFD}"  // bidi marks, embeddings, overrides, isolates
        default: return nil
        }
    }

    /// Like `clean`, but keeps line feeds: for multi-line text written straight to a terminal.
    public static func cleanLines(_ text: String) -> String {
        if isClean(text.replacingLineFeeds()) { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { clean(String($0)) }.joined(separator: "\n")
    }

    /// Replaces unsafe scalars. Tabs become spaces up to the next multiple of 4 is left to
    /// callers that know the column; here a tab is one space.
    public static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\t" {
                out.append(" ")
            } else if let r = replacement(for: s) {
                out.append(r)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}

extension String {
    fileprivate func replacingLineFeeds() -> String {
        guard utf8.contains(0x0A) else { return self }
        return String(decoding: utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
