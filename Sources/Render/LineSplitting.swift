#if canImport(Glibc)
import Glibc
#endif

extension Layout {
    /// The lines of `text` as `split(separator: "\n")` by `Character` cuts them ("\r\n" is one
    /// `Character`, so a "\n" after "\r" does not end a line), found on the UTF-8 bytes.
    static func lines(of text: String) -> [Substring] {
        var ends: [Int] = []
        var copy = text
        let count = copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var from = 0
            while from < bytes.count, let found = memchr(base + from, Int32(UInt8(ascii: "\n")), bytes.count - from) {
                let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if i == 0 || bytes[i - 1] != UInt8(ascii: "\r") { ends.append(i) }
                from = i + 1
            }
            return bytes.count
        }
        ends.append(count)
        var out: [Substring] = []
        out.reserveCapacity(ends.count)
        let utf8 = text.utf8
        var start = 0
        // Offsets into native UTF-8 are O(1) to turn into indices.
        for end in ends {
            let from = utf8.index(utf8.startIndex, offsetBy: start)
            let to = utf8.index(utf8.startIndex, offsetBy: end)
            out.append(Substring(utf8[from..<to]))
            start = end + 1
        }
        return out
    }
}
