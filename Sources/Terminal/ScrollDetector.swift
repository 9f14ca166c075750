import Render

/// Finds a vertical move of part of the screen between two frames: the rows `top...bottom`
/// of the window, scrolled by `lines` (positive: the content moved up, as after `j`).
/// Pure, so the terminal only has to carry it out.
struct ScrollDetector {
    var top: Int
    var bottom: Int
    var lines: Int

    /// The shifts tried: a line or a wheel step (three lines) either way. A page jump
    /// leaves too little on screen to be worth scrolling.
    static let shifts = [1, -1, 2, -2, 3, -3]

    /// The longest run of rows that `new` shows `d` rows further on in `old`, for the first
    /// shift that moves at least two rows that changed; nil when nothing moved.
    static func find(old: ScreenBuffer, new: ScreenBuffer) -> ScrollDetector? {
        let height = new.height
        var changed = [Bool](repeating: false, count: height)
        var anyChanged = false
        for r in 0..<height where !rowsEqual(new, r, old, r) {
            changed[r] = true
            anyChanged = true
        }
        guard anyChanged else { return nil }
        var best: (start: Int, end: Int, d: Int)? = nil
        for d in shifts {
            var r = 0
            while r < height {
                let from = r + d
                guard from >= 0, from < height, changed[r], rowsEqual(new, r, old, from) else {
                    r += 1
                    continue
                }
                var end = r
                while end + 1 < height, end + 1 + d >= 0, end + 1 + d < height, rowsEqual(new, end + 1, old, end + 1 + d) {
                    end += 1
                }
                if end - r + 1 >= 2, end - r > (best.map { $0.end - $0.start } ?? -1) { best = (r, end, d) }
                r = end + 1
            }
            if best != nil { break }
        }
        guard let best else { return nil }
        // Up by d: window rows start...end+d scroll; down by d: start-d...end.
        if best.d > 0 { return ScrollDetector(top: best.start, bottom: best.end + best.d, lines: best.d) }
        return ScrollDetector(top: best.start + best.d, bottom: best.end, lines: best.d)
    }

    static func rowsEqual(_ a: ScreenBuffer, _ ra: Int, _ b: ScreenBuffer, _ rb: Int) -> Bool {
        let w = a.width
        return a.cells.withUnsafeBufferPointer { pa in
            b.cells.withUnsafeBufferPointer { pb in
                var c = 0
                while c < w {
                    if !sameCell(pa.baseAddress! + (ra * w + c), pb.baseAddress! + (rb * w + c)) { return false }
                    c += 1
                }
                return true
            }
        }
    }

    /// True only when two cells are certainly equal: the same width, style and string
    /// bits. Comparing `Cell`s with `==` copied each string (a retain and a release per
    /// cell: most of the cost of a one-line step at 200x60). Equal text in two different
    /// representations counts as different, which only costs a redundant write.
    @inline(__always)
    static func sameCell(_ a: UnsafePointer<Cell>, _ b: UnsafePointer<Cell>) -> Bool {
        guard a.pointee.width == b.pointee.width, a.pointee.style == b.pointee.style else { return false }
        let ta = UnsafeRawPointer(a) + textOffset, tb = UnsafeRawPointer(b) + textOffset
        return ta.load(as: UInt64.self) == tb.load(as: UInt64.self)
            && (ta + 8).load(as: UInt64.self) == (tb + 8).load(as: UInt64.self)
    }

    /// `sameCell` for one cell of two buffers.
    static func sameCell(_ a: ScreenBuffer, _ ra: Int, _ b: ScreenBuffer, _ rb: Int, _ column: Int) -> Bool {
        a.cells.withUnsafeBufferPointer { pa in
            b.cells.withUnsafeBufferPointer { pb in
                sameCell(pa.baseAddress! + (ra * a.width + column), pb.baseAddress! + (rb * b.width + column))
            }
        }
    }

    static let textOffset = MemoryLayout<Cell>.offset(of: \Cell.text)!
}
