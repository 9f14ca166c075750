/// Terminal column widths: East Asian wide characters take 2 columns, combining marks 0.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        if v >= symbolsStart && v < symbolsEnd { return Int(symbolWidths[Int(v - symbolsStart)]) }
        return tableWidth(v)
    }

    static func tableWidth(_ v: UInt32) -> Int {
        if contains(zeroWidthRanges, v) { return 0 }
        if contains(wideRanges, v) { return 2 }
        return 1
    }

    /// U+2000...U+2BFF (punctuation, arrows, box drawing, symbols: diagrams are made of
    /// them) looked up in a table made from the range tables once, instead of two binary
    /// searches per scalar. Filled range by range (two binary searches for each of its
    /// 3,072 scalars cost 0.9 M instructions, 5% of opening a lesson); zero width is
    /// written last, since `tableWidth` checks it first.
    static let symbolsStart: UInt32 = 0x2000
    static let symbolsEnd: UInt32 = 0x2C00
    static let symbolWidths: [UInt8] = {
        var table = [UInt8](repeating: 1, count: Int(symbolsEnd - symbolsStart))
        for (ranges, width) in [(wideRanges, UInt8(2)), (zeroWidthRanges, UInt8(0))] {
            for (low, high) in ranges where high >= symbolsStart && low < symbolsEnd {
                for v in max(low, symbolsStart)...min(high, symbolsEnd - 1) { table[Int(v - symbolsStart)] = width }
            }
        }
        return table
    }()

    /// The width of one grapheme cluster as terminals draw it: a wide base or an emoji
    /// presentation selector (U+FE0F) makes it 2; combining marks add nothing.
    public static func of(_ ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        var it = scalars.makeIterator()
        guard let first = it.next() else { return 0 }
        var width = of(first)
        while let s = it.next() {
            if s.value == 0xFE0F && width == 1 { width = 2 }
            if width == 0 { width = of(s) }
        }
        return width
    }

    public static func of(_ text: String) -> Int {
        // Box drawing, arrows and Latin text: every scalar is a grapheme of its own, so
        // summing scalars gives the same answer without grapheme breaking (which made
        // each diagram line cost ~400 instructions per character). Scalars are read from
        // the UTF-8 bytes, runs of printable ASCII eight bytes at a time.
        var copy = text
        return copy.withUTF8 { bytes -> Int in
            let n = bytes.count
            var i = Sanitizer.endOfPrintableASCII(bytes, from: 0)
            var total = i
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    total += b < 0x20 || b == 0x7F ? 0 : 1
                    i += 1
                    continue
                }
                let (v, length) = scalar(in: bytes, at: i)
                guard standsAlone(v) else { return graphemeWidth(text) }
                total += of(Unicode.Scalar(v)!)
                i += length
            }
            return total
        }
    }

    /// Scalars that never join a neighbour into one grapheme cluster (no combining marks,
    /// joiners, variation selectors, Hangul jamo or regional indicators in these ranges).
    @inline(__always)
    static func standsAlone(_ v: UInt32) -> Bool {
        v < 0x300 || (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E) || (v >= 0x2190 && v <= 0x2BFF)
    }

    /// True when every scalar of the (sanitized, valid UTF-8) bytes stands alone, so each
    /// scalar is one `Character`.
    static func scalarsStandAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            let (v, length) = scalar(in: bytes, at: i)
            if !standsAlone(v) { return false }
            i += length
        }
        return true
    }

    /// The scalar value starting at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = UInt32(bytes[i])
        if b < 0x80 { return (b, 1) }
        if b < 0xE0 { return ((b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b < 0xF0 { return ((b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3) }
        return ((b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    static func graphemeWidth(_ text: String) -> Int {
        var total = 0
        for ch in text { total += of(ch) }
        return total
    }

    static func contains(_ ranges: [(UInt32, UInt32)], _ v: UInt32) -> Bool {
        var lo = 0, hi = ranges.count - 1
        if v < ranges[0].0 || v > ranges[hi].1 { return false }
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < ranges[mid].0 { hi = mid - 1 } else if v > ranges[mid].1 { lo = mid + 1 } else { return true }
        }
        return false
    }
}
