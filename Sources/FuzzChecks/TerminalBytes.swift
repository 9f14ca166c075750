/// Scans bytes bound for a terminal for control sequences that did not come from us.
public enum TerminalBytes {
    /// The offset of the first control byte (C0 but newline, DEL, C1 as UTF-8 or raw)
    /// that is not part of an allowed sequence, or nil when there is none.
    /// With `allowSGR`, `ESC [ digits;... m` (the styles `TextRenderer.ansi` writes) is allowed.
    public static func firstForeignControl(_ bytes: [UInt8], allowSGR: Bool) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B, allowSGR, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") {
                var j = i + 2
                while j < bytes.count, (bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] == UInt8(ascii: ";") { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "m") {
                    i = j + 1
                    continue
                }
                return i
            }
            if b == 0x0A { i += 1; continue }
            if b < 0x20 || b == 0x7F { return i }
            // U+0080...U+009F encoded as UTF-8 (C2 80 ... C2 9F).
            if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F { return i }
            i += 1
        }
        return nil
    }
}
