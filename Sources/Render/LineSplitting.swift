extension Layout {
    /// The lines of `text` as `split(separator: "\n")` by `Character` cuts them ("\r\n" is one
    /// `Character`, so a "\n" after "\r" does not end a line), found on the UTF-8 bytes.
    static func lines(of text: String) -> [Substring] {
        var out: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var i = start
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") {
                out.append(Substring(utf8[start..<i]))
                start = utf8.index(after: i)
            }
            previous = b
            i = utf8.index(after: i)
        }
        out.append(Substring(utf8[start...]))
        return out
    }
}
