/// One cell of the screen. A wide character occupies its cell and a following
/// continuation cell (`width == 0`, empty text).
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .plain)
}

/// The grid views draw into. The terminal backend writes only the cells that changed
/// since the previous frame; tests turn a buffer into text.
public struct ScreenBuffer: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be left (for input lines), or nil to hide it.
    public var cursor: (row: Int, column: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursor?.row == b.cursor?.row && a.cursor?.column == b.cursor?.column
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    public func row(_ r: Int) -> ArraySlice<Cell> {
        cells[(r * width)..<((r + 1) * width)]
    }

    public mutating func fill(row: Int, style: Style, from column: Int = 0) {
        guard row >= 0, row < height, column < width else { return }
        for c in max(0, column)..<width { self[row, c] = Cell(text: " ", width: 1, style: style) }
    }

    /// Writes text at (row, column), clipped to `limit` columns (default: the row's end).
    /// Wide characters that would straddle the limit are replaced by a space.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style, limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return column }
        let end = min(width, limit.map { column + $0 } ?? width)
        var col = column
        let safe = Sanitizer.clean(text)
        if safe.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Views draw every frame; this loop ran for every character on screen, so it works
            // on the cell storage directly, with the same repair of cut wide characters as setCell.
            let w = width
            cells.withUnsafeMutableBufferPointer { p in
                for b in safe.utf8 {
                    if col >= end { break }
                    if col >= 0 {
                        let i = row * w + col
                        let oldWidth = p[i].width
                        if oldWidth == 0, col > 0, p[i - 1].width == 2 {
                            p[i - 1] = Cell(text: " ", width: 1, style: p[i - 1].style)
                        }
                        if oldWidth == 2, col + 1 < w {
                            p[i + 1] = Cell(text: " ", width: 1, style: p[i].style)
                        }
                        p[i] = Cell(text: Self.asciiText[Int(b)], width: 1, style: style)
                    }
                    col += 1
                }
            }
            return col
        }
        // Places one grapheme; false once the limit is reached.
        func place(_ text: String, width w: Int) -> Bool {
            if w == 0 {
                // A stray combining mark: attach it to the previous cell when there is one.
                if col > 0, col - 1 < width {
                    var prev = self[row, col - 1]
                    if prev.width == 0, col - 2 >= 0 { prev = self[row, col - 2]; prev.text += text; self[row, col - 2] = prev } else { prev.text += text; self[row, col - 1] = prev }
                }
                return true
            }
            if col + w > end {
                if col < end, col >= 0 { setCell(row, col, Cell(text: " ", width: 1, style: style)) }
                col = end
                return false
            }
            if col >= 0 {
                setCell(row, col, Cell(text: text, width: UInt8(w), style: style))
                if w == 2 { setCell(row, col + 1, Cell(text: "", width: 0, style: style)) }
            }
            col += w
            return true
        }
        if safe.unicodeScalars.allSatisfy({ DisplayWidth.standsAlone($0.value) }) {
            // Box drawing, arrows, dashes, Latin: each scalar is a grapheme of its own, so no
            // grapheme breaking (it was most of the cost of drawing a page of diagrams).
            for scalar in safe.unicodeScalars where !place(String(scalar), width: DisplayWidth.of(scalar)) { break }
        } else {
            for ch in safe where !place(String(ch), width: DisplayWidth.of(ch)) { break }
        }
        return col
    }

    /// One-character strings for printable ASCII, made once.
    static let asciiText: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Sets a cell, repairing a wide character that the write cuts in half.
    private mutating func setCell(_ row: Int, _ col: Int, _ cell: Cell) {
        let old = self[row, col]
        if old.width == 0, col > 0, self[row, col - 1].width == 2 {
            self[row, col - 1] = Cell(text: " ", width: 1, style: self[row, col - 1].style)
        }
        if old.width == 2, col + 1 < width, cell.width != 2 {
            self[row, col + 1] = Cell(text: " ", width: 1, style: old.style)
        }
        self[row, col] = cell
    }

    /// Applies a style change to a run of cells without touching their text.
    public mutating func restyle(row: Int, from: Int, to: Int, _ transform: (Style) -> Style) {
        guard row >= 0, row < height else { return }
        for c in max(0, from)..<min(width, max(from, to)) {
            self[row, c].style = transform(self[row, c].style)
        }
    }

    /// The buffer as plain text, one line per row, trailing spaces trimmed.
    public func text() -> String {
        (0..<height).map(rowText).joined(separator: "\n")
    }

    public func rowText(_ r: Int) -> String {
        var s = ""
        for cell in row(r) where cell.width > 0 { s += cell.text }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
