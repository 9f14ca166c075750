/// Lines to text for `nettutor show`: plain, or with ANSI SGR styling.
///
/// `write` appends a line's UTF-8 straight to a byte buffer: building a `String` per line
/// with `+=` cost as much as laying the 2 MB benchmark file out (BENCHMARKS.md). Every
/// span is cleaned on the way (`Sanitizer.appendCleaned`), whoever made it, so no control
/// byte from a lesson reaches the output even if a layout path forgot to clean it.
public enum TextRenderer {
    public static func plain(_ line: Line) -> String {
        var out: [UInt8] = []
        write(line, ansi: false, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func ansi(_ line: Line) -> String {
        var out: [UInt8] = []
        write(line, ansi: true, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the line (no line feed) after `indent` spaces (a page margin: a plain span
    /// before the line's own). Plain text drops the line's trailing spaces; ANSI wraps each
    /// styled span in `ESC [ codes m` ... `ESC [ 0 m`.
    public static func write(_ line: Line, ansi: Bool, indent: Int = 0, into out: inout [UInt8]) {
        let start = out.count
        if indent > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent)) }
        for span in line.spans {
            var text = span.text
            text.withUTF8 { writeSpan($0, style: span.style, ansi: ansi, into: &out) }
        }
        if !ansi { dropTrailingSpaces(&out, from: start) }
    }

    /// One span's text, cleaned; in ANSI, wrapped in its style's SGR unless it is plain.
    static func writeSpan(_ text: UnsafeBufferPointer<UInt8>, style: Style, ansi: Bool, into out: inout [UInt8]) {
        if ansi && style != .plain {
            appendSGR(style, to: &out)
            Sanitizer.appendCleaned(text, to: &out)
            out.append(contentsOf: [0x1B, UInt8(ascii: "["), UInt8(ascii: "0"), UInt8(ascii: "m")])
        } else {
            Sanitizer.appendCleaned(text, to: &out)
        }
    }

    /// Ends a line written with `writeSpan` from `start` (its indent included): plain text
    /// drops its trailing spaces; then the line feed.
    static func endLine(_ out: inout [UInt8], from start: Int, ansi: Bool) {
        if !ansi { dropTrailingSpaces(&out, from: start) }
        out.append(UInt8(ascii: "\n"))
    }

    /// Removes trailing spaces as `while s.hasSuffix(" ") { s.removeLast() }` did on the
    /// line's `String`: a space is a `Character` of its own unless it follows a Prepend
    /// scalar (Unicode grapheme rule GB9b), so when a non-ASCII byte comes before the
    /// spaces a `String` decides. Whether the first space joins depends on the scalar
    /// before it alone (two spaces never join), so that `String` is just that scalar and
    /// the spaces.
    static func dropTrailingSpaces(_ out: inout [UInt8], from start: Int) {
        var end = out.count
        while end > start && out[end - 1] == 0x20 { end -= 1 }
        if end == out.count { return }
        if end == start || out[end - 1] < 0x80 {
            out.removeLast(out.count - end)
            return
        }
        var scalarStart = end - 1
        while scalarStart > start && out[scalarStart] & 0xC0 == 0x80 { scalarStart -= 1 }
        // Box drawing, arrows, control pictures and the like never join a neighbour (no
        // Prepend scalar among them): the spaces go as after ASCII. (Code blocks end lines
        // in "␊ " often enough for the `String` below to cost 2% of `show`.)
        let before = out.withUnsafeBufferPointer { DisplayWidth.scalar(in: $0, at: scalarStart).0 }
        if DisplayWidth.standsAlone(before) {
            out.removeLast(out.count - end)
            return
        }
        var s = String(decoding: out[scalarStart...], as: UTF8.self)
        while s.hasSuffix(" ") { s.removeLast() }
        out.removeLast(out.count - scalarStart)
        out.append(contentsOf: s.utf8)
    }

    /// `ESC [ codes m` for a style that is not plain (an attribute or a palette color).
    static func appendSGR(_ style: Style, to out: inout [UInt8]) {
        out.append(0x1B)
        out.append(UInt8(ascii: "["))
        out.append(contentsOf: sgrCodes(style).utf8)
        out.append(UInt8(ascii: "m"))
    }

    static func sgrCodes(_ style: Style) -> String {
        var codes: [String] = []
        let a = style.attributes
        if a.contains(.bold) { codes.append("1") }
        if a.contains(.dim) { codes.append("2") }
        if a.contains(.italic) { codes.append("3") }
        if a.contains(.underline) { codes.append("4") }
        if a.contains(.reverse) { codes.append("7") }
        if a.contains(.strike) { codes.append("9") }
        let e = Palette.entry(style.role)
        if e.fg256 >= 0 { codes.append("38;5;\(e.fg256)") }
        if e.bg256 >= 0 { codes.append("48;5;\(e.bg256)") }
        return codes.joined(separator: ";")
    }
}
