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

    /// Where things go on screen: N to a column (log scale), ns per call to a row.
    struct Geometry {
        let counts: [Int]
        let x0: Int
        let plotWidth: Int
        let top: Int
        let plotHeight: Int
        var yAxis: YAxis?

        func column(_ n: Int) -> Int {
            guard let lo = counts.first, let hi = counts.last, hi > lo else { return x0 + plotWidth / 2 }
            let f = (log10(Double(n)) - log10(Double(lo))) / (log10(Double(hi)) - log10(Double(lo)))
            return x0 + Int((f * Double(plotWidth - 1)).rounded())
        }

        func row(_ ns: Double) -> Int {
            let f = yAxis?.fraction(ns) ?? 0
            return top + plotHeight - 1 - Int((f * Double(plotHeight - 1)).rounded())
        }
    }

    /// Draws into rows top..<top+height: the plot, the x axis, its labels, the legend.
    static func draw(_ model: IOMuxModel, into buffer: inout ScreenBuffer, top: Int, height: Int) {
        let x0 = labelWidth + 1
        var g = Geometry(
            counts: model.measuredPlan?.fdCounts ?? model.fdCounts, x0: x0,
            plotWidth: buffer.width - x0 - 4, top: top, plotHeight: height - 3, yAxis: nil)
        guard g.plotHeight >= 3, g.plotWidth >= 10 else { return }
        drawXAxis(g, into: &buffer)
        drawLegend(model, into: &buffer, row: top + height - 1)
        let values = model.results.compactMap(\.nsPerCall)
        guard let maxValue = values.max(), let minValue = values.min() else {
            buffer.put("waiting for the first result…", row: top + g.plotHeight / 2, column: x0 + 2, style: Style(.muted))
            return
        }
        // y: decades on a log scale; 0, half and a round top on a linear one.
        let yAxis = YAxis(model.yScale, min: minValue, max: maxValue)
        g.yAxis = yAxis
        for tick in yAxis.ticks {
            let label = tickLabel(tick)
            buffer.put(label, row: g.row(tick), column: labelWidth - label.count, style: Style(.muted))
            buffer.put("┤", row: g.row(tick), column: labelWidth, style: Style(.border))
        }
        var series: [(MultiplexMethod, [(Int, Int)])] = []
        for m in MultiplexMethod.allCases {
            var points: [(Int, Int)] = []
            for n in g.counts {
                if let ns = model.result(m, fds: n)?.nsPerCall { points.append((g.column(n), g.row(ns))) }
            }
            series.append((m, points))
        }
        for (m, points) in series {
            for i in points.indices.dropFirst() { drawSegment(from: points[i - 1], to: points[i], style: style(m), into: &buffer) }
        }
        for (m, points) in series {
            for (c, r) in points { drawMarker(m, row: r, column: c, into: &buffer) }
        }
    }

    /// The y axis line, the x axis with a tick per N, and the N labels under the ticks.
    private static func drawXAxis(_ g: Geometry, into buffer: inout ScreenBuffer) {
        let axis = Style(.border)
        for r in g.top..<(g.top + g.plotHeight) { buffer.put("│", row: r, column: labelWidth, style: axis) }
        let axisRow = g.top + g.plotHeight
        buffer.put("└" + String(repeating: "─", count: g.plotWidth + 2), row: axisRow, column: labelWidth, style: axis)
        var labelEnd = 0
        for n in g.counts {
            let c = g.column(n)
            buffer.put("┬", row: axisRow, column: c, style: axis)
            let text = String(n)
            let start = min(buffer.width - text.count, max(labelEnd + 1, c - text.count / 2))
            // A label pushed past its own tick would name the wrong one: leave it to the table.
            if start <= c { labelEnd = buffer.put(text, row: axisRow + 1, column: start, style: Style(.muted)) }
        }
    }

    /// Equal values would hide one marker under another: a later one moves right.
    private static func drawMarker(_ m: MultiplexMethod, row: Int, column: Int, into buffer: inout ScreenBuffer) {
        let markers = MultiplexMethod.allCases.map(marker)
        var c = column
        while c < buffer.width - 1, markers.contains(buffer[row, c].text) { c += 1 }
        buffer.put(marker(m), row: row, column: c, style: style(m))
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
