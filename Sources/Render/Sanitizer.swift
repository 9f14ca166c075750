/// Keeps lesson text from controlling the terminal: every C0 and C1 control, DEL and the
/// bidirectional overrides are replaced by visible stand-ins before anything is laid out.
public enum Sanitizer {
    /// True when `text` needs no replacement (the common, fast case).
    public static func isClean(_ text: String) -> Bool {
        for b in text.utf8 {
            if b < 0x20 || b == 0x7F { return false }
            // 0xC2 leads U+0080...U+00BF (C1 controls live at U+0080...U+009F);
            // 0xE2 leads U+2000...U+2FFF, where the bidi controls live.
            if b == 0xC2 || b == 0xE2 || b == 0xD8 { return isCleanSlow(text) }
        }
        return true
    }

    private static func isCleanSlow(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { replacement(for: $0) == nil }
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
