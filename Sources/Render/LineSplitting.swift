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
    /// the last line, which runs to the end of the text, empty or not).
    static func line(of text: String, from start: String.Index) -> (Substring, String.Index?) {
        let utf8 = text.utf8
        var previous: UInt8 = start > utf8.startIndex ? utf8[utf8.index(before: start)] : 0
        var i = start
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                return (Substring(utf8[start..<i]), utf8.index(after: i))
            }
            previous = b
            i = utf8.index(after: i)
        }
        return (Substring(utf8[start...]), nil)
    }
}
