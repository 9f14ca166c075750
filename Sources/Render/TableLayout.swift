import LessonKit

/// Box-drawn tables with column widths fitted to the page and cells wrapped.
/// A table too wide even at minimum widths is shown as one record per row.
enum TableLayout {
    typealias Wrap = ([Inline], Style, Int) -> [[Span]]

    static func layout(_ table: Table, width: Int, wrap: Wrap) -> [Line] {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        func cell(_ row: [[Inline]], _ c: Int) -> [Inline] { c < row.count ? row[c] : [] }
        let allRows = [table.header] + table.rows
        var natural = Array(repeating: 1, count: columns)
        var minimum = Array(repeating: 1, count: columns)
        for row in allRows {
            for c in 0..<columns {
                let text = cell(row, c).plainText
                natural[c] = max(natural[c], DisplayWidth.of(text))
                let longestWord = text.split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 1
                minimum[c] = max(minimum[c], min(longestWord, 12))
            }
        }
        let chrome = 3 * columns + 1  // "│ " before each cell, " " after, final "│"
        let available = width - chrome
        if minimum.reduce(0, +) > available {
            return records(table, columns: columns, width: width, wrap: wrap)
        }
        var widths = natural
        if natural.reduce(0, +) > available {
            widths = minimum
            var spare = available - minimum.reduce(0, +)
            let want = (0..<columns).map { natural[$0] - minimum[$0] }
            let totalWant = want.reduce(0, +)
            if totalWant > 0 {
                for c in 0..<columns {
                    let extra = spare * want[c] / totalWant
                    widths[c] += extra
                }
                spare = available - widths.reduce(0, +)
                // Hand out what rounding left, to the columns that want most.
                for c in (0..<columns).sorted(by: { want[$0] > want[$1] }) where spare > 0 && widths[c] < natural[c] {
                    widths[c] += 1
                    spare -= 1
                }
            }
        }
        let border = Style(.border)
        func rule(_ l: String, _ m: String, _ r: String) -> Line {
            Line([Span(l + widths.map { String.repeated("─", count: $0 + 2) }.joined(separator: m) + r, border)])
        }
        func rowLines(_ row: [[Inline]], header: Bool) -> [Line] {
            let style = header ? Style(.heading3, .bold) : Style.plain
            let wrapped = (0..<columns).map { wrap(cell(row, $0), style, widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            var lines: [Line] = []
            for i in 0..<height {
                var spans = [Span("│", border)]
                for c in 0..<columns {
                    let content = i < wrapped[c].count ? wrapped[c][i] : []
                    let w = content.reduce(0) { $0 + $1.width }
                    let pad = max(0, widths[c] - w)
                    let alignment = c < table.alignments.count ? table.alignments[c] : .none
                    let left = alignment == .right ? pad : alignment == .center ? pad / 2 : 0
                    spans.append(Span(" " + String.repeated(" ", count: left)))
                    spans += content
                    spans.append(Span(String.repeated(" ", count: pad - left) + " "))
                    spans.append(Span("│", border))
                }
                lines.append(Line(spans))
            }
            return lines
        }
        var out = [rule("┌", "┬", "┐")]
        out += rowLines(table.header, header: true)
        out.append(rule("├", "┼", "┤"))
        let bodies = table.rows.map { rowLines($0, header: false) }
        let separate = bodies.contains { $0.count > 1 }
        for (i, body) in bodies.enumerated() {
            if i > 0 && separate { out.append(rule("├", "┼", "┤")) }
            out += body
        }
        out.append(rule("└", "┴", "┘"))
        return out
    }

    /// Too many columns for the page: each row becomes a small record of "header: value" lines.
    static func records(_ table: Table, columns: Int, width: Int, wrap: Wrap) -> [Line] {
        var out: [Line] = wrap([.emphasis([.text("(table too wide for \(width) columns: shown row by row)")])], Style(.muted), width).map { Line($0) }
        for (r, row) in table.rows.enumerated() {
            out.append(Line([Span("── row \(r + 1) ", Style(.border))]))
            for c in 0..<columns {
                let name = c < table.header.count ? table.header[c].plainText : "column \(c + 1)"
                let value = c < row.count ? row[c] : []
                var content: [Inline] = [.strong([.text(name + ":")]), .text(" ")]
                content += value
                for spans in wrap(content, .plain, max(1, width - 2)) {
                    out.append(Line([Span("  ")] + spans))
                }
            }
        }
        return out
    }
}

/// Boxes drawn in the page for quiz and demo blocks.
public enum Card {
    public static func box(title: String, body: [[Span]], width: Int, style: Style, focus: Int?) -> [Line] {
        let inner = max(1, width - 4)
        let titleText = " \(title) "
        let titleW = DisplayWidth.of(titleText)
        var lines: [Line] = []
        lines.append(Line([Span("┌─", style, focus: focus), Span(titleText, style.with(.bold), focus: focus),
                           Span(String.repeated("─", count: max(0, width - 3 - titleW)) + "┐", style, focus: focus)]))
        for row in body {
            let w = row.reduce(0) { $0 + $1.width }
            lines.append(Line([Span("│ ", style, focus: focus)] + row
                              + [Span(String.repeated(" ", count: max(0, inner - w)) + " │", style, focus: focus)]))
        }
        lines.append(Line([Span("└" + String.repeated("─", count: max(0, width - 2)) + "┘", style, focus: focus)]))
        return lines
    }

    static func placeholder(title: String, body: String, hint: String, width: Int, focus: Int) -> [Line] {
        var wrapper = InlineWrapper(width: max(1, width - 4))
        wrapper.add(Run(text: body, style: .plain, focus: nil))
        var rows = wrapper.finish()
        var hintWrapper = InlineWrapper(width: max(1, width - 4))
        hintWrapper.add(Run(text: hint, style: Style(.muted, .italic), focus: nil))
        rows += hintWrapper.finish()
        return box(title: title, body: rows, width: width, style: Style(.accent), focus: focus)
    }

    static func quizSummary(_ source: String) -> String {
        // Lines found on the bytes (Layout.lines(of:)). "- " at a line's start is the prefix
        // `hasPrefix("- ")` finds by Character when the byte after it is ASCII or the line
        // ends (nothing can join the space then); otherwise `hasPrefix` decides.
        let count = Layout.lines(of: source).filter { line in
            let utf8 = line.utf8
            guard utf8.count >= 2, utf8.first == UInt8(ascii: "-"), utf8[utf8.index(after: utf8.startIndex)] == UInt8(ascii: " ") else { return false }
            let third = utf8.index(utf8.startIndex, offsetBy: 2)
            return third == utf8.endIndex || utf8[third] < 0x80 || line.hasPrefix("- ")
        }.count
        return count == 1 ? "1 question." : "\(count) questions."
    }

    static func demoHint(_ name: String) -> String {
        switch name {
        case "tcp-state": return "In the reader: Tab to it, Enter opens it. From a shell: nettutor demo tcp"
        case "iomux": return "In the reader: Tab to it, Enter opens it. From a shell: nettutor demo iomux"
        default: return "Check the name with nettutor lint."
        }
    }

    public static func demoSummary(_ name: String) -> String {
        switch name {
        case "tcp-state": return "The TCP state-machine stepper: drive a client and a server through RFC 9293, one segment at a time."
        case "iomux": return "select vs poll vs epoll, measured on this machine: watch the cost per call grow with the number of descriptors."
        default: return "Unknown demo '\(name)': this version of nettutor has no such demo."
        }
    }
}
