#if canImport(Glibc)
import Glibc
#endif

extension Layout {
    /// The lines of `text` as `split(separator: "\n")` by `Character` cuts them ("\r\n" is one
    /// `Character`, so a "\n" after "\r" does not end a line), found on the UTF-8 bytes.
    static func lines(of text: String) -> [Substring] {
        var out: [Substring] = []
        var next: String.Index? = text.startIndex
        while let start = next {
            let (line, after) = line(of: text, from: start)
            out.append(line)
            next = after
        }
        return out
    }

    /// The line of `text` that starts at `start`, and where the next one starts (nil after
    /// the last line, which runs to the end of the text, empty or not). Line feeds are
    /// found with memchr.
    static func line(of text: String, from start: String.Index) -> (Substring, String.Index?) {
        let utf8 = text.utf8
        // Offsets into native UTF-8 are O(1) to turn into indices and back.
        let startOffset = utf8.distance(from: utf8.startIndex, to: start)
        var copy = text
        let end: Int? = copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var from = startOffset
            while from < bytes.count, let found = memchr(base + from, Int32(UInt8(ascii: "\n")), bytes.count - from) {
                let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if i == 0 || bytes[i - 1] != UInt8(ascii: "\r") { return i }
                from = i + 1
            }
            return nil
        }
        guard let end else { return (Substring(utf8[start...]), nil) }
        let lineEnd = utf8.index(utf8.startIndex, offsetBy: end)
        return (Substring(utf8[start..<lineEnd]), utf8.index(after: lineEnd))
    }
}
