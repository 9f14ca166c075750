import Render

/// The second page: what one call of each method does, step by step, for a small N (eight
/// eventfds, fds 3-10): the bitmap select copies in and scans, the array poll walks, and
/// the ready list epoll hands back.
enum IOMuxStepsView {
    static let titles = ["before the call", "into the kernel", "the kernel checks", "back in the program"]
    static let labelWidth = 11
    static let cellWidth = 3

    /// The small set drawn: fds 3...10 (0-2 are stdin/out/err) and which are readable.
    struct Example {
        let fds: [Int]
        let ready: [Int]
        init(active: Int) {
            let n = IOMuxModel.stepsFds
            fds = Array(3..<(3 + n))
            ready = WatchedEventfds.activeIndexes(count: n, active: min(active, n)).map { $0 + 3 }
        }
        var maxfd: Int { fds.last ?? 0 }
        var k: Int { ready.count }
    }

    static func draw(_ model: IOMuxModel, into buffer: inout ScreenBuffer, top: Int) {
        let ex = Example(active: model.active)
        let step = model.step
        let heading = "One call, step \(step + 1) of \(titles.count): \(titles[step])"
        buffer.put(heading, row: top, column: 1, style: Style(.heading2, .bold))
        let readable = ex.ready.isEmpty ? "none" : ex.ready.map(String.init).joined(separator: ", ")
        buffer.put("N=\(ex.fds.count) eventfds (fds 3-\(ex.maxfd)), K=\(ex.k) readable: \(readable)",
                   row: top + 1, column: 1, style: Style(.muted))
        var row = top + 2
        for m in MultiplexMethod.allCases {
            row = drawBlock(m, ex, step: step, into: &buffer, top: row) + 1
        }
        let n = ex.fds.count
        let summary = "Per call: select checks \(n) fds (after copying its bitmap in), poll checks \(n) entries, "
            + "epoll reads \(plural(ex.k, "ready entry", "ready entries")). At N=10000: 10000, 10000 and still \(ex.k)."
        for (i, line) in IOMuxReading.wrap(summary, width: buffer.width - 2).prefix(3).enumerated() {
            buffer.put(line, row: row + i, column: 1, style: Style(.quote))
        }
    }

    /// Draws one method's block; returns the row after it.
    private static func drawBlock(_ m: MultiplexMethod, _ ex: Example, step: Int, into buffer: inout ScreenBuffer, top: Int) -> Int {
        buffer.put(IOMuxChart.marker(m) + " " + m.name, row: top, column: 1, style: IOMuxChart.style(m))
        let lines = IOMuxReading.wrap(description(m, ex, step: step), width: buffer.width - labelWidth - 1)
        for (i, line) in lines.prefix(2).enumerated() {
            buffer.put(line, row: top + i, column: labelWidth, style: .plain)
        }
        var row = top + min(2, lines.count)
        let on = Style(.accent, .reverse)
        let readyStyle = Style(.success, [.bold, .reverse])
        switch m {
        case .select:
            let bits = Array(0...ex.maxfd)
            drawCells("fd", bits.map(String.init), row: row, into: &buffer) { _ in Style(.muted) }
            drawCells("in", bits.map { ex.fds.contains($0) ? "1" : "0" }, row: row + 1, into: &buffer) { i in
                // Step 2 copies all maxfd+1 bits in; step 3 scans the set ones.
                step == 1 || (step == 2 && ex.fds.contains(bits[i])) ? on : (step == 3 ? Style(.muted) : .plain)
            }
            if step == 3 {
                drawCells("out", bits.map { ex.ready.contains($0) ? "1" : "0" }, row: row + 2, into: &buffer) { i in
                    ex.ready.contains(bits[i]) ? readyStyle : on
                }
            }
        case .poll:
            drawCells("fd", ex.fds.map(String.init), row: row, into: &buffer) { _ in Style(.muted) }
            drawCells("events", ex.fds.map { _ in "IN" }, row: row + 1, into: &buffer) { _ in step == 1 || step == 2 ? on : .plain }
            drawCells("revents", ex.fds.map { step == 3 && ex.ready.contains($0) ? "IN" : "0" }, row: row + 2, into: &buffer) { i in
                step == 3 ? (ex.ready.contains(ex.fds[i]) ? readyStyle : on) : .plain
            }
        case .epoll:
            drawCells("interest", ex.fds.map(String.init), row: row, into: &buffer) { _ in
                step == 0 ? on : Style(.muted, .dim)  // in the kernel since epoll_ctl ADD, never walked
            }
            drawCells("ready", ex.ready.map(String.init), row: row + 1, into: &buffer) { _ in step >= 2 ? readyStyle : .plain }
            if step == 3 {
                let events = ex.ready.map { "{fd \($0), IN}" }.joined(separator: " ")
                buffer.put("events", row: row + 2, column: 3, style: Style(.muted))
                buffer.put(events, row: row + 2, column: labelWidth, style: readyStyle)
            }
        }
        row += 3
        return row
    }

    private static func drawCells(_ label: String, _ cells: [String], row: Int, into buffer: inout ScreenBuffer, style: (Int) -> Style) {
        buffer.put(label, row: row, column: 3, style: Style(.muted))
        for (i, text) in cells.enumerated() {
            let end = labelWidth + (i + 1) * cellWidth - 1
            buffer.put(text, row: row, column: end - text.count, style: style(i))
        }
    }

    /// What the method does at this step, with this example's numbers.
    static func description(_ m: MultiplexMethod, _ ex: Example, step: Int) -> String {
        let n = ex.fds.count
        let bits = ex.maxfd + 1
        switch (m, step) {
        case (.select, 0): return "FD_ZERO clears the fd_set, FD_SET sets bits 3-\(ex.maxfd): again before every call."
        case (.select, 1):
            let words = (bits + 63) / 64
            return "select(\(bits), ...) copies the bitmap's first \(bits) bits (\(plural(words, "64-bit word", "64-bit words"))) into the kernel."
        case (.select, 2): return "The kernel walks bits 0-\(ex.maxfd) and asks each of the \(n) set fds: ready?"
        case (.select, _): return "The set comes back with only \(plural(ex.k, "ready bit", "ready bits")) set; the program tests all \(bits) with FD_ISSET."
        case (.poll, 0): return "The pollfd array (fd, events=POLLIN, revents) was built once and is reused."
        case (.poll, 1): return "poll(fds, \(n), 0) copies all \(n) entries (\(n * 8) bytes) into the kernel."
        case (.poll, 2): return "The kernel walks all \(n) entries and asks each fd: ready?"
        case (.poll, _): return "revents comes back for all \(n); the program walks all \(n) to find the \(ex.k) ready."
        case (.epoll, 0): return "epoll_ctl ADD put the \(n) fds in the kernel once; a fd that becomes readable queues itself on the ready list."
        case (.epoll, 1): return "epoll_wait(ep, events, \(n), 0) copies nothing in: the kernel already has the set."
        case (.epoll, 2): return "The kernel looks at the ready list only: \(plural(ex.k, "entry", "entries")); the other \(n - ex.k) fds are not touched."
        case (.epoll, _): return "\(plural(ex.k, "event", "events")) copied out; the program loops over exactly \(ex.k)."
        }
    }

    /// "1 entry", "3 entries".
    static func plural(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }
}
