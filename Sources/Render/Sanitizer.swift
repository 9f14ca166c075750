/// Keeps lesson text from controlling the terminal: every C0 and C1 control, DEL and the
/// bidirectional overrides are replaced by visible stand-ins before anything is laid out.
public enum Sanitizer {
    /// True when `text` needs no replacement (the common, fast case). Decides on the UTF-8
    /// bytes alone, one pass: every scalar `replacement(for:)` replaces has a fixed encoding.
    public static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isClean(bytes: $0) }
    }

    public static func isClean(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while true {
            i = endOfPrintableASCII(bytes, from: i)
            if i == bytes.count { return true }
            if unsafeScalarLength(bytes, at: i) != 0 { return false }
            i += scalarLength(bytes[i])
        }
    }

    /// The length of a UTF-8 sequence from its first byte (1 for ASCII; valid UTF-8 only).
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The index of the first byte at or after `from` that is not printable ASCII (0x20...0x7E),
    /// or `bytes.count`. Eight bytes at a time: lesson text is mostly ASCII, and this scan
    /// runs over every span `show` writes.
    public static func endOfPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var i = from
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let below20 = (x &- ones &* 0x20) & ~x & highs  // some byte < 0x20
            let y = x ^ (ones &* 0x7F)
            let isDEL = (y &- ones) & ~y & highs  // some byte == 0x7F
            if (below20 | isDEL | (x & highs)) != 0 { break }
            i += 8
        }
        while i < n {
            let b = bytes[i]
            if b < 0x20 || b >= 0x7F { return i }
            i += 1
        }
        return n
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
        var copy = text
        let cleaned: [UInt8]? = copy.withUTF8 { bytes in
            if isClean(bytes: bytes) { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            appendCleaned(bytes, to: &out)
            return out
        }
        return cleaned.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// Appends the UTF-8 of `bytes` (valid UTF-8) to `out` with the same replacements as
    /// `clean`, worked out on the bytes: each unsafe scalar has one fixed encoding, and so
    /// has its stand-in. Copying scalar by scalar into a `String` made `clean` of a long
    /// code block cost more than laying it out.
    public static func appendCleaned(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = bytes.count
        var copied = 0
        var i = 0
        while true {
            i = endOfPrintableASCII(bytes, from: i)
            if i == n { break }
            let unsafeLength = unsafeScalarLength(bytes, at: i)
            if unsafeLength == 0 {
                i += scalarLength(bytes[i])
                continue
            }
            if copied < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i])) }
            let b = bytes[i]
            if b == 0x09 {
                out.append(0x20)
            } else if b < 0x20 {
                out.append(contentsOf: [0xE2, 0x90, 0x80 + b])  // U+2400 + b: ␀ ... ␟
            } else if b == 0x7F {
                out.append(contentsOf: [0xE2, 0x90, 0xA1])  // U+2421 ␡
            } else {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
            }
            i += unsafeLength
            copied = i
        }
        if copied < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<n])) }
    }

    /// The byte length of the scalar starting at `i` when `replacement(for:)` (or the tab rule)
    /// replaces it, else 0. Only lead bytes can match: continuation bytes are 0x80...0xBF.
    @inline(__always)
    static func unsafeScalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b < 0x20 || b == 0x7F { return 1 }
        if b < 0xC2 { return 0 }
        let n = bytes.count
        let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
        switch b {
        case 0xC2:
            return b1 >= 0x80 && b1 < 0xA0 ? 2 : 0  // U+0080...U+009F, the C1 controls (CSI is U+009B)
        case 0xD8:
            return b1 == 0x9C ? 2 : 0  // U+061C ARABIC LETTER MARK
        case 0xE2:
            let b2: UInt8 = i + 2 < n ? bytes[i + 2] : 0
            if b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE)) { return 3 }  // U+200E/F, U+202A...E
            if b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9 { return 3 }  // U+2066...U+2069
            return 0
        default:
            return 0
        }
    }
}

extension String {
    fileprivate func replacingLineFeeds() -> String {
        guard utf8.contains(0x0A) else { return self }
        return String(decoding: utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
