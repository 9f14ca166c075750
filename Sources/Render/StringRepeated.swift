#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// `String(repeating: unit, count: count)`, copied as UTF-8 bytes into one buffer. The
    /// standard initializer cost about 15,000 instructions for a rule of 76 "─" (card and
    /// table borders, margins), 5% of rendering the 2 MB benchmark file.
    static func repeated(_ unit: String, count: Int) -> String {
        precondition(count >= 0, "Negative count not allowed")
        let bytes = Array(unit.utf8)
        let total = bytes.count * count
        if total == 0 { return "" }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var at = 0
            for _ in 0..<count {
                for b in bytes {
                    buffer[at] = b
                    at += 1
                }
            }
            return total
        }
    }
}

extension String {
    /// Whether the UTF-8 holds `byte`, found with `memchr` (the generic `utf8.contains` cost
    /// about five instructions a byte on long code blocks).
    func containsByte(_ byte: UInt8) -> Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }
}
