/// Reads the raw bytes a program wrote to its terminal: strips escape sequences to find
/// words, and checks that every control sequence is one curses itself emits.
public enum TerminalText {
    public enum Piece: Equatable {
        case text(UInt8)
        case control(UInt8)
        /// ESC [ params final (params include intermediates; `final` is the last byte).
        case csi(params: [UInt8], final: UInt8)
        /// ESC ] ... (BEL | ESC \), ESC P/X/^/_ ... ESC \ : strings the terminal acts on.
        case string(introducer: UInt8)
        /// ESC and one or two more bytes (charset selection, keypad mode, save cursor ...).
        case escape([UInt8])
        /// A C1 control written as UTF-8 (U+0080...U+009F).
        case c1(UInt8)
    }

    /// Splits bytes into text and control sequences (ECMA-48 shapes).
    public static func pieces(_ b: [UInt8]) -> [Piece] {
        var out: [Piece] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x1B, i + 1 < b.count {
                let n = b[i + 1]
                if n == UInt8(ascii: "[") {
                    var j = i + 2
                    while j < b.count, b[j] >= 0x20, b[j] <= 0x3F { j += 1 }
                    if j < b.count {
                        out.append(.csi(params: Array(b[(i + 2)..<j]), final: b[j]))
                        i = j + 1
                    } else {
                        i = b.count
                    }
                    continue
                }
                if [UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_")].contains(n) {
                    var j = i + 2
                    while j < b.count, b[j] != 0x07, !(b[j] == 0x1B && j + 1 < b.count && b[j + 1] == UInt8(ascii: "\\")) { j += 1 }
                    out.append(.string(introducer: n))
                    i = j < b.count && b[j] == 0x07 ? j + 1 : j + 2
                    continue
                }
                if n >= 0x20 && n <= 0x2F, i + 2 < b.count {
                    out.append(.escape([n, b[i + 2]]))
                    i += 3
                    continue
                }
                out.append(.escape([n]))
                i += 2
                continue
            }
            if c == 0xC2, i + 1 < b.count, b[i + 1] >= 0x80, b[i + 1] <= 0x9F {
                out.append(.c1(b[i + 1]))
                i += 2
                continue
            }
            if c < 0x20 || c == 0x7F {
                out.append(.control(c))
            } else {
                out.append(.text(c))
            }
            i += 1
        }
        return out
    }

    /// The printable text, escape sequences dropped (cursor moves become nothing).
    public static func strip(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        for p in pieces(bytes) {
            switch p {
            case .text(let c): text.append(c)
            case .control(0x0A), .control(0x0D): text.append(0x0A)
            default: break
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// CSI final bytes ncurses uses with xterm-like terminfo entries: SGR, cursor motion,
    /// erase, scroll region, insert/delete line and character, repeat, modes.
    static let cursesCSIFinals = Set("mHfJKABCDEFGdrLMP@XSTbhlt".utf8)

    /// Every sequence in `bytes` that curses would not write: terminal strings (OSC, DCS,
    /// APC, PM, SOS), C1 controls, C0 controls other than BS, TAB, LF, CR, and CSI
    /// sequences with a final byte curses never uses (device reports, cursor shape, ...).
    public static func foreignSequences(_ bytes: [UInt8]) -> [Piece] {
        pieces(bytes).filter { p in
            switch p {
            case .text: return false
            case .control(let c): return ![0x08, 0x09, 0x0A, 0x0D].contains(c)
            case .csi(_, let final): return !cursesCSIFinals.contains(final)
            case .string, .c1: return true
            case .escape(let e):
                // ESC ( B / ESC ) 0: character sets; ESC = / ESC >: keypad; ESC 7/8: cursor; ESC M: reverse index.
                if e.count == 2 { return !"()*+".utf8.contains(e[0]) }
                return !"=>78MDEc".utf8.contains(e[0])
            }
        }
    }
}
