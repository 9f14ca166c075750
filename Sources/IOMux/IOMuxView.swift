import Render

/// The chart page: title, what is measured, progress, chart, table, reading, keys.
public enum IOMuxView {
    public static func draw(_ model: IOMuxModel, into buffer: inout ScreenBuffer) {
        buffer.cursor = nil
        guard buffer.width >= 40, buffer.height >= 16 else {
            buffer.put("select vs poll vs epoll needs at least 40x16", row: 0, column: 0, style: Style(.warning))
            return
        }
        let w = buffer.width
        let h = buffer.height
        buffer.fill(row: 0, style: Style(.status))
        buffer.put(" select vs poll vs epoll: the cost of one readiness check, measured here", row: 0, column: 0, style: Style(.status, .bold))
        if model.page == .steps {
            IOMuxStepsView.draw(model, into: &buffer, top: 1)
        } else {
            drawSettings(model, into: &buffer, row: 1)
            drawProgress(model, into: &buffer, row: 2)
            // The reading takes what it needs (up to 4 rows, 6 on a tall screen); the chart the rest.
            let lines = IOMuxReading.sentences(model).flatMap { IOMuxReading.wrap($0, width: w - 2) }
            let readingRows = max(3, min(lines.count, h >= 30 ? 6 : 4))
            let chartHeight = h - 3 - IOMuxTable.height - 1 - readingRows - 1
            IOMuxChart.draw(model, into: &buffer, top: 3, height: chartHeight)
            let tableTop = 3 + chartHeight
            IOMuxTable.draw(model, into: &buffer, top: tableTop)
            for (i, line) in lines.prefix(readingRows).enumerated() {
                buffer.put(line, row: tableTop + IOMuxTable.height + 1 + i, column: 1, style: Style(.quote))
            }
        }
        drawBottom(model, into: &buffer)
    }

    private static func drawSettings(_ model: IOMuxModel, into buffer: inout ScreenBuffer, row: Int) {
        let shown = model.measuredPlan ?? model.plan
        var text = "N = \(shown.fdCounts.map(String.init).joined(separator: ",")) eventfds, K = \(shown.active) readable, zero timeout"
        if model.settingsChanged {
            text = "next run: N = \(model.fdCounts.map(String.init).joined(separator: ",")), K = \(model.active)  (r: rerun)"
        }
        buffer.put(text, row: row, column: 1, style: model.settingsChanged ? Style(.accent) : Style(.muted))
    }

    private static func drawProgress(_ model: IOMuxModel, into buffer: inout ScreenBuffer, row: Int) {
        switch model.phase {
        case .idle:
            buffer.put("Not measured yet: r starts.", row: row, column: 1, style: Style(.muted))
        case .measuring(let m, let n, let step, let total):
            let label = "Measuring \(m.name) at N=\(n)  "
            var c = buffer.put(label, row: row, column: 1, style: Style(.accent, .bold))
            let count = "  \(step)/\(total) done"
            let barWidth = max(5, buffer.width - c - count.count - 3)
            let filled = total > 0 ? barWidth * step / total : 0
            c = buffer.put("[", row: row, column: c, style: Style(.border))
            c = buffer.put(String(repeating: "█", count: filled), row: row, column: c, style: Style(.accent))
            c = buffer.put(String(repeating: "░", count: barWidth - filled), row: row, column: c, style: Style(.muted))
            c = buffer.put("]", row: row, column: c, style: Style(.border))
            buffer.put(count, row: row, column: c, style: Style(.muted))
        case .finished:
            let measured = model.results.filter { $0.nsPerCall != nil }.count
            let skipped = model.results.count - measured
            let text = "Done: \(measured) measured" + (skipped > 0 ? ", \(skipped) skipped" : "")
                + "; each the median of 5 runs of at least 50 ms."
            buffer.put(text, row: row, column: 1, style: Style(.success))
        case .cancelled:
            buffer.put("Cancelled; every descriptor was closed. r measures again.", row: row, column: 1, style: Style(.warning))
        case .failed(let reason):
            buffer.put("Could not measure: \(reason)", row: row, column: 1, style: Style(.error, .bold))
        }
    }

    private static func drawBottom(_ model: IOMuxModel, into buffer: inout ScreenBuffer) {
        let last = buffer.height - 1
        if let notice = model.notice {
            buffer.put(notice, row: last - 1, column: 1, style: Style(.warning))
        }
        if let input = model.fdListInput {
            let label = "N list: "
            let c = buffer.put(label + input, row: last, column: 1, style: Style(.focus))
            buffer.put("  Enter: use  Esc: keep the old one", row: last, column: c, style: Style(.muted))
            buffer.cursor = (last, c)
            return
        }
        let help = model.page == .chart
            ? "+/- K  n: N list  r: rerun  l: log/linear  Tab: step by step  q: quit"
            : "←/→: step  Tab: chart  +/- K  q: quit"
        buffer.put(help, row: last, column: 1, style: Style(.muted))
    }
}
