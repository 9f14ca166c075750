import Render

/// The numbers under the chart: ns per call per method (rows) and N (columns), and the
/// one-time ns per epoll_ctl ADD.
enum IOMuxTable {
    static let height = 5
    static let labelWidth = 15

    static func draw(_ model: IOMuxModel, into buffer: inout ScreenBuffer, top: Int) {
        let counts = model.measuredPlan?.fdCounts ?? model.fdCounts
        guard !counts.isEmpty else { return }
        let cellWidth = min(10, (buffer.width - labelWidth - 1) / counts.count)
        let header = Style(.heading3, .bold)
        buffer.put("ns per call", row: top, column: 0, style: header)
        for (i, n) in counts.enumerated() {
            putRight("N=\(n)", row: top, column: i, width: cellWidth, style: header, into: &buffer)
        }
        for (r, m) in MultiplexMethod.allCases.enumerated() {
            let row = top + 1 + r
            buffer.put(IOMuxChart.marker(m), row: row, column: 0, style: IOMuxChart.style(m))
            buffer.put(m.name, row: row, column: 2, style: .plain)
            for (i, n) in counts.enumerated() {
                let (text, style) = cell(model, m, n)
                putRight(text, row: row, column: i, width: cellWidth, style: style, into: &buffer)
            }
        }
        let row = top + 4
        buffer.put("epoll_ctl ADD", row: row, column: 0, style: Style(.muted))
        for (i, n) in counts.enumerated() {
            let cost = model.addCosts.last { $0.fds == n }
            putRight(cost.map { IOMuxReading.grouped($0.nsPerAdd) } ?? "", row: row, column: i, width: cellWidth, style: Style(.muted), into: &buffer)
        }
        let end = labelWidth + counts.count * cellWidth + 2
        if end + 12 <= buffer.width { buffer.put("(per add)", row: row, column: end, style: Style(.muted)) }
    }

    /// The number, "skipped", a mark for the one being measured, or blank for not yet.
    private static func cell(_ model: IOMuxModel, _ m: MultiplexMethod, _ n: Int) -> (String, Style) {
        switch model.result(m, fds: n)?.outcome {
        case .measured(let ns, _, let wrong)?:
            return (IOMuxReading.grouped(ns), wrong > 0 ? Style(.error, .bold) : .plain)
        case .skipped?:
            return ("skipped", Style(.muted, .italic))
        case nil:
            if case .measuring(m, n, _, _) = model.phase { return ("…", Style(.accent)) }
            return ("", .plain)
        }
    }

    private static func putRight(_ text: String, row: Int, column i: Int, width: Int, style: Style, into buffer: inout ScreenBuffer) {
        let end = labelWidth + (i + 1) * width
        buffer.put(text, row: row, column: end - text.count, style: style)
    }
}
