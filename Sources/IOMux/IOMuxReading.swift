import Foundation

/// The result in words, computed from the measured numbers (never canned), plus the
/// number formats the chart and table share.
public enum IOMuxReading {
    /// "401 ns", "3.2 µs", "28 µs", "1.2 ms": three significant digits at most.
    public static func duration(_ ns: Double) -> String {
        switch ns {
        case ..<999.5: return "\(Int(ns.rounded())) ns"
        case ..<9_950: return String(format: "%.1f µs", ns / 1e3)
        case ..<999_500: return String(format: "%.0f µs", ns / 1e3)
        case ..<9_950_000: return String(format: "%.1f ms", ns / 1e6)
        default: return String(format: "%.0f ms", ns / 1e6)
        }
    }

    /// "27,869": whole nanoseconds with thousands separators, for the table.
    public static func grouped(_ ns: Double) -> String {
        let digits = String(Int(ns.rounded()))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// "448-458 ns", "about 450 ns", or "900 ns-1.2 µs" when the units differ.
    public static func range(_ lo: Double, _ hi: Double) -> String {
        let (a, b) = (duration(lo), duration(hi))
        if a == b { return "about " + a }
        let unitA = a.split(separator: " ").last, unitB = b.split(separator: " ").last
        return unitA == unitB ? "\(a.split(separator: " ")[0])-\(b)" : "\(a)-\(b)"
    }

    /// "1083x" above 10, "2.5x" below.
    public static func ratio(_ r: Double) -> String {
        r >= 9.95 ? "\(Int(r.rounded()))x" : String(format: "%.1fx", r)
    }

    /// The sentences of the reading, most telling first.
    public static func sentences(_ model: IOMuxModel) -> [String] {
        let ns = { (m: MultiplexMethod, n: Int) in model.result(m, fds: n)?.nsPerCall }
        let counts = model.measuredPlan?.fdCounts ?? []
        var out: [String] = []
        // 1. poll against epoll at the largest N where both were measured.
        if let n = counts.last(where: { ns(.poll, $0) != nil && ns(.epoll, $0) != nil }),
            let poll = ns(.poll, n), let epoll = ns(.epoll, n)
        {
            let r = poll / epoll
            out.append(
                r >= 1.5
                    ? "At N=\(n) poll costs \(ratio(r)) epoll per call (\(duration(poll)) against \(duration(epoll)))."
                    : "At N=\(n) poll and epoll cost about the same (\(duration(poll)) and \(duration(epoll)))."
            )
        }
        // 2. How each grows from the smallest to the largest N measured.
        let epollNs = counts.filter { ns(.epoll, $0) != nil }
        if let lo = epollNs.first, let hi = epollNs.last, lo < hi, let e0 = ns(.epoll, lo), let e1 = ns(.epoll, hi) {
            var growth = "From N=\(lo) to \(hi) (\(ratio(Double(hi) / Double(lo))))"
            if let p0 = ns(.poll, lo), let p1 = ns(.poll, hi) {
                growth += " poll grew \(ratio(p1 / p0));"
            }
            let all = epollNs.compactMap { ns(.epoll, $0) }
            if e1 / e0 < 2 {
                growth += " epoll stayed at \(range(all.min() ?? e0, all.max() ?? e1)): its cost follows K, not N."
            } else {
                growth += " epoll grew \(ratio(e1 / e0))."
            }
            out.append(growth)
        }
        // 3. Where select stops.
        if let skipped = counts.first(where: {
            if case .skipped? = model.result(.select, fds: $0)?.outcome { return true } else { return false }
        }) {
            out.append("select stops before N=\(skipped): fds from \(SystemIOMuxProbe.fdSetSize) up do not fit its fd_set.")
        } else if let n = counts.last(where: { ns(.select, $0) != nil && ns(.poll, $0) != nil }),
            let s = ns(.select, n), let p = ns(.poll, n), n > counts.first ?? n
        {
            out.append("select, which rebuilds and copies its bitmap every call, costs \(ratio(s / p)) poll at N=\(n).")
        }
        // 4. Any call that did not see exactly K ready.
        for r in model.results {
            if case .measured(_, let ready, let wrong) = r.outcome, wrong > 0 {
                out.append("Warning: \(r.method.name) at N=\(r.fds) reported \(ready) ready (not \(r.active)) in \(wrong) calls.")
            }
        }
        return out
    }

    /// Greedy word wrap to `width` columns.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
