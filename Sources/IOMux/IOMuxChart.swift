import Foundation
import Render

/// ns per call against N: log-scale N across, ns per call up (log or linear), one series per
/// method. Each series has its own color and its own marker character, so the chart also
/// reads in monochrome.
enum IOMuxChart {
    static func marker(_ m: MultiplexMethod) -> String {
        switch m {
        case .select: return "#"
        case .poll: return "o"
        case .epoll: return "*"
        }
    }

    static func style(_ m: MultiplexMethod) -> Style {
        switch m {
        case .select: return Style(.warning, .bold)
        case .poll: return Style(.error, .bold)
        case .epoll: return Style(.success, .bold)
        }
    }

    /// Width of the y labels ("100 µs") before the axis.
    static let labelWidth = 7

    /// Draws into rows top..<top+height: the plot, the x axis, its labels, the legend.
    static func draw(_ model: IOMuxModel, into buffer: inout ScreenBuffer, top: Int, height: Int) {
        let plotHeight = height - 3
        let x0 = labelWidth + 1
        let plotWidth = buffer.width - x0 - 4
        guard plotHeight >= 3, plotWidth >= 10 else { return }
        let counts = model.measuredPlan?.fdCounts ?? model.fdCounts
        let values = model.results.compactMap(\.nsPerCall)
        let axis = Style(.border)
        for r in top..<(top + plotHeight) { buffer.put("│", row: r, column: labelWidth, style: axis) }
        let axisRow = top + plotHeight
        buffer.put("└" + String(repeating: "─", count: plotWidth + 2), row: axisRow, column: labelWidth, style: axis)

        // x: N on a log scale.
        let column = { (n: Int) -> Int in
            guard let lo = counts.first, let hi = counts.last, hi > lo else { return x0 + plotWidth / 2 }
            let f = (log10(Double(n)) - log10(Double(lo))) / (log10(Double(hi)) - log10(Double(lo)))
            return x0 + Int((f * Double(plotWidth - 1)).rounded())
        }
        var labelEnd = 0
        for n in counts {
            let c = column(n)
            buffer.put("┬", row: axisRow, column: c, style: axis)
            let text = String(n)
            let start = min(buffer.width - text.count, max(labelEnd + 1, c - text.count / 2))
            // A label pushed past its own tick would name the wrong one: leave it to the table.
            if start <= c { labelEnd = buffer.put(text, row: axisRow + 1, column: start, style: Style(.muted)) }
        }
        drawLegend(model, into: &buffer, row: top + height - 1)

        guard let maxValue = values.max(), let minValue = values.min() else {
            buffer.put("waiting for the first result…", row: top + plotHeight / 2, column: x0 + 2, style: Style(.muted))
            return
        }
        // y: decades on a log scale; 0, half and a round top on a linear one.
        let scale = YAxis(model.yScale, min: minValue, max: maxValue)
        let rowOf = { (v: Double) -> Int in
            top + plotHeight - 1 - Int((scale.fraction(v) * Double(plotHeight - 1)).rounded())
        }
        for tick in scale.ticks {
            let label = tickLabel(tick)
            buffer.put(label, row: rowOf(tick), column: labelWidth - label.count, style: Style(.muted))
            buffer.put("┤", row: rowOf(tick), column: labelWidth, style: axis)
        }
        let points = MultiplexMethod.allCases.map { m in
            counts.compactMap { n in model.result(m, fds: n)?.nsPerCall.map { (column(n), rowOf($0)) } }
        }
        for (m, series) in zip(MultiplexMethod.allCases, points) {
            for (a, b) in zip(series, series.dropFirst()) { drawSegment(from: a, to: b, style: style(m), into: &buffer) }
        }
        let markers = Set(MultiplexMethod.allCases.map(marker))
        for (m, series) in zip(MultiplexMethod.allCases, points) {
            for (c, r) in series {
                // Equal values would hide one marker under another: shift it right.
                var c = c
                while c < buffer.width - 1, markers.contains(buffer[r, c].text) { c += 1 }
                buffer.put(marker(m), row: r, column: c, style: style(m))
            }
        }
    }

    /// A dotted line between two points, one dot per column, in the series' color.
    private static func drawSegment(from a: (Int, Int), to b: (Int, Int), style: Style, into buffer: inout ScreenBuffer) {
        guard b.0 > a.0 + 1 else { return }
        for c in (a.0 + 1)..<b.0 {
            let f = Double(c - a.0) / Double(b.0 - a.0)
            let r = Int((Double(a.1) + f * Double(b.1 - a.1)).rounded())
            buffer.put("·", row: r, column: c, style: Style(style.role))
        }
    }

    private static func drawLegend(_ model: IOMuxModel, into buffer: inout ScreenBuffer, row: Int) {
        var c = 1
        for m in MultiplexMethod.allCases {
            c = buffer.put(marker(m), row: row, column: c, style: style(m))
            c = buffer.put(" \(m.name)   ", row: row, column: c, style: .plain)
        }
        let scale = model.yScale == .log ? "log" : "linear"
        buffer.put("x: N (log)  y: ns per call (\(scale))", row: row, column: c + 1, style: Style(.muted))
    }

    static func tickLabel(_ ns: Double) -> String {
        ns == 0 ? "0" : IOMuxReading.duration(ns).replacingOccurrences(of: ".0 ", with: " ")
    }
}

/// The y axis: maps ns per call to 0...1 and names the tick values.
struct YAxis {
    let scale: IOMuxModel.YScale
    let low: Double
    let high: Double

    init(_ scale: IOMuxModel.YScale, min: Double, max: Double) {
        self.scale = scale
        switch scale {
        case .log:
            let lo = pow(10, floor(log10(Swift.max(min, 1))))
            let hi = pow(10, ceil(log10(Swift.max(max, 1))))
            (low, high) = (lo, hi > lo ? hi : lo * 10)
        case .linear:
            // A round top: 1, 2 or 5 times a power of ten.
            let decade = pow(10, floor(log10(Swift.max(max, 1))))
            let top = [1.0, 2, 5, 10].map { $0 * decade }.first { $0 >= max } ?? 10 * decade
            (low, high) = (0, top)
        }
    }

    func fraction(_ v: Double) -> Double {
        switch scale {
        case .log: return (log10(Swift.max(v, low)) - log10(low)) / (log10(high) - log10(low))
        case .linear: return v / high
        }
    }

    var ticks: [Double] {
        switch scale {
        case .log:
            var t: [Double] = []
            var v = low
            while v <= high * 1.001 {
                t.append(v)
                v *= 10
            }
            return t
        case .linear: return [0, high / 2, high]
        }
    }
}
