import CNcursesw
import CTerminalSupport
import Render

#if canImport(Glibc)
import Glibc
#endif

/// Why the interactive UI cannot start. One line for the user.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case noTerm
    case dumbTerm(String)
    case unknownTerm(String)
    case initFailed

    public var description: String {
        let hint = "use 'nettutor show <lesson>' or 'nettutor list' instead"
        switch self {
        case .notATerminal: return "the interactive tutor needs a terminal on stdin and stdout; \(hint)"
        case .noTerm: return "TERM is not set, so the terminal type is unknown; \(hint)"
        case .dumbTerm(let t): return "TERM=\(t) cannot move the cursor; \(hint)"
        case .unknownTerm(let t): return "unknown terminal type TERM=\(t); \(hint)"
        case .initFailed: return "the terminal could not be initialised; \(hint)"
        }
    }
}

/// What reading the keyboard produced.
public enum TerminalInput: Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    case timeout
}

/// The curses edge: the only code that talks to the terminal. It keeps the last frame
/// and writes only the cells that changed; curses turns that into the fewest bytes.
public final class CursesTerminal {
    private var screen: OpaquePointer?
    private var previous: ScreenBuffer?
    private let useColor: Bool
    private var colors256 = false
    private var ended = false

    public private(set) var width = 0
    public private(set) var height = 0

    /// Sets the locale (falling back to C.UTF-8 so wide characters render), checks the
    /// terminal type and starts curses.
    public init(color: Bool, mouse: Bool = true) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else { throw TerminalError.noTerm }
        if term == "dumb" { throw TerminalError.dumbTerm(term) }
        Self.setUTF8Locale()
        var status: Int32 = 0
        if setupterm(term, 1, &status) != 0 || status != 1 { throw TerminalError.unknownTerm(term) }
        // Should the process crash, put the terminal back the way the shell had it.
        var reset = "\u{1B}[?1000l"
        for cap in ["sgr0", "cnorm", "rmcup"] {
            if let p = tigetstr(cap), Int(bitPattern: p) != -1 { reset += String(cString: p) }
        }
        nt_arm_crash_restore(reset + "\r\n")
        guard let s = newterm(nil, nt_stdout(), nt_stdin()) else { throw TerminalError.initFailed }
        screen = s
        set_term(s)
        useColor = color
        cbreak()
        noecho()
        nonl()
        keypad(nt_stdscr(), true)
        intrflush(nt_stdscr(), false)
        set_escdelay(25)
        curs_set(0)
        // Let curses scroll with the terminal's own scrolling (insert/delete line)
        // when that is cheaper than a rewrite: one line down costs a few bytes.
        idlok(nt_stdscr(), true)
        // No typeahead check inside refresh: curses would poll the keyboard every few lines
        // and leave a frame half drawn when a key is waiting. The loop takes waiting keys
        // itself before it draws.
        typeahead(-1)
        if mouse {
            mousemask(nt_button4_pressed() | nt_button5_pressed() | nt_button1_clicked(), nil)
            mouseinterval(0)
        }
        if color && has_colors() {
            start_color()
            use_default_colors()
            colors256 = nt_colors() >= 256
            for role in ColorRole.allCases {
                let e = Palette.entry(role)
                let fg = colors256 ? e.fg256 : e.fg8
                let bg = colors256 ? e.bg256 : e.bg8
                init_pair(Int16(role.rawValue) + 1, Int16(fg), Int16(bg))
            }
        }
        updateSize()
    }

    deinit {
        end()
    }

    static func setUTF8Locale() {
        setlocale(LC_ALL, "")
        // "UTF-8", "utf8", ...: compared without Foundation's `replacingOccurrences`, which
        // cost 0.8 M instructions here (5% of opening a lesson).
        let codeset = String(cString: nt_codeset()).uppercased().filter { $0 != "-" }
        if codeset != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    private func updateSize() {
        var y: Int32 = 0, x: Int32 = 0
        nt_getmaxyx(nt_stdscr(), &y, &x)
        width = Int(x)
        height = Int(y)
    }

    /// Restores the terminal. Safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        nt_disarm_crash_restore()
    }

    /// Leaves curses mode for a moment (e.g. before the process stops) and comes back.
    public func refreshAll() {
        previous = nil
        clearok(nt_stdscr(), true)
    }

    /// Waits up to `timeoutMs` for a key.
    public func read(timeoutMs: Int32) -> TerminalInput {
        wtimeout(nt_stdscr(), timeoutMs)
        var ch: wint_t = 0
        let rc = wget_wch(nt_stdscr(), &ch)
        if rc == ERR { return .timeout }
        if rc == nt_key_code_yes() {
            return functionKey(Int32(ch))
        }
        return .key(KeyDecoder.character(UInt32(ch)))
    }

    private func functionKey(_ code: Int32) -> TerminalInput {
        switch code {
        case KEY_RESIZE:
            updateSize()
            previous = nil
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .timeout }
            if event.bstate & nt_button4_pressed() != 0 { return .key(.wheelUp) }
            if event.bstate & nt_button5_pressed() != 0 { return .key(.wheelDown) }
            if event.bstate & nt_button1_clicked() != 0 { return .key(.click(row: Int(event.y), column: Int(event.x))) }
            return .timeout
        default:
            return KeyDecoder.function(code).map { .key($0) } ?? .timeout
        }
    }

    /// Writes the frame: only rows and cells that differ from the last one. When the page
    /// moved by a few lines, the window is scrolled first (`wscrl` in a scroll region), so
    /// only the lines that came into view are written: the profile of one-line steps showed
    /// this loop rewriting every cell of the page into curses on each key (BENCHMARKS.md).
    public func present(_ buffer: ScreenBuffer) {
        let win = nt_stdscr()
        if buffer.width != width || buffer.height != height { previous = nil }
        let old = previous.flatMap { $0.width == buffer.width && $0.height == buffer.height ? $0 : nil }
        if old == nil { werase(win) }
        // The row of `old` that window row r shows now, or -1 when it must be written whole.
        var source = Array(old == nil ? repeatElement(-1, count: buffer.height) : repeatElement(0, count: buffer.height))
        if let old {
            for r in 0..<buffer.height { source[r] = r }
            if let move = ScrollDetector.find(old: old, new: buffer) {
                wsetscrreg(win, Int32(move.top), Int32(move.bottom))
                scrollok(win, true)
                wscrl(win, Int32(move.lines))
                scrollok(win, false)
                wsetscrreg(win, 0, Int32(buffer.height - 1))
                for r in move.top...move.bottom {
                    let from = r + move.lines
                    source[r] = from >= move.top && from <= move.bottom ? from : -1
                }
            }
        }
        var wide: [wchar_t] = []
        for row in 0..<buffer.height {
            let oldRow = source[row]
            if let old, oldRow >= 0, ScrollDetector.rowsEqual(buffer, row, old, oldRow) { continue }
            var col = 0
            while col < buffer.width {
                let cell = buffer[row, col]
                if let old, oldRow >= 0, ScrollDetector.sameCell(buffer, row, old, oldRow, col) {
                    col += 1
                    continue
                }
                // A run of changed cells with one style.
                let style = cell.style
                let start = col
                wide.removeAll(keepingCapacity: true)
                while col < buffer.width {
                    let c = buffer[row, col]
                    if c.style != style { break }
                    if let old, oldRow >= 0, col > start, ScrollDetector.sameCell(buffer, row, old, oldRow, col) { break }
                    if c.width > 0 {
                        for s in c.text.unicodeScalars { wide.append(wchar_t(bitPattern: s.value)) }
                    }
                    col += 1
                }
                apply(style)
                wide.append(0)
                _ = wide.withUnsafeBufferPointer { mvwaddnwstr(win, Int32(row), Int32(start), $0.baseAddress, Int32(wide.count - 1)) }
            }
        }
        wattr_set(win, nt_a_normal(), 0, nil)
        if let cursor = buffer.cursor {
            curs_set(1)
            wmove(win, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(win)
        previous = buffer
    }

    private func apply(_ style: Style) {
        var attrs = nt_a_normal()
        let a = style.attributes
        if a.contains(.bold) { attrs |= nt_a_bold() }
        if a.contains(.dim) { attrs |= nt_a_dim() }
        if a.contains(.italic) { attrs |= nt_a_italic() }
        if a.contains(.underline) { attrs |= nt_a_underline() }
        if a.contains(.reverse) { attrs |= nt_a_reverse() }
        let pair: Int16 = useColor && has_colors() ? Int16(style.role.rawValue) + 1 : 0
        wattr_set(nt_stdscr(), attrs, pair, nil)
    }
}

/// Maps curses key codes to `Key`s.
enum KeyDecoder {
    static func character(_ code: UInt32) -> Key {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(UnicodeScalar(code + 96)!))
        default:
            return UnicodeScalar(code).map { .char(Character($0)) } ?? .escape
        }
    }

    static func function(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
