import LessonKit
import Render

/// The lesson page: title bar, the visible lines, the status line (or the search prompt).
enum ReaderView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        guard let reader = state.reader else { return }
        let section = reader.rendered.section(at: reader.top)
        View.titleBar(reader.title, right: "", into: &buffer)
        let height = state.viewHeight
        // A focused link is drawn in reverse; a focused card (quiz, demo) keeps its text
        // readable and gets the focus colour and bold instead.
        let focusIsCard: Bool = {
            guard let f = reader.focus, f < reader.rendered.focusables.count else { return false }
            if case .link = reader.rendered.focusables[f].target { return false }
            return true
        }()
        let matchesByLine = Dictionary(grouping: reader.search?.matches.enumerated().map { $0 } ?? [], by: { $0.element.line })
        for row in 0..<height {
            let index = reader.top + row
            guard index < reader.rendered.lines.count else { break }
            let line = reader.rendered.lines[index]
            var col = 0
            for span in line.spans {
                var style = span.style
                if let f = span.focus, f == reader.focus {
                    style = focusIsCard ? (style.role == .accent ? Style(.link, style.attributes.union(.bold)) : style)
                        : Style(.focus, style.attributes.union(.reverse))
                }
                col = buffer.put(span.text, row: row + 1, column: col, style: style)
                if col >= buffer.width { break }
            }
            for (i, match) in matchesByLine[index] ?? [] {
                let current = i == reader.search?.current
                buffer.restyle(row: row + 1, from: match.start, to: match.end) { s in
                    Style(.match, s.attributes.union(current ? [.reverse, .bold] : [.reverse]))
                }
            }
        }
        if let input = state.searchInput {
            let row = buffer.height - 1
            buffer.fill(row: row, style: .plain)
            let end = buffer.put("/" + input, row: row, column: 0, style: Style(.normal, .bold))
            buffer.cursor = (row, min(end, buffer.width - 1))
            return
        }
        if let cursor = reader.quizCursor, cursor.line >= reader.top, cursor.line < reader.top + height {
            buffer.cursor = (cursor.line - reader.top + 1, min(cursor.column, buffer.width - 1))
        }
        let left = state.message ?? "\(reader.lessonID)\(section.map { " › " + $0.title } ?? "")"
        let lastShown = min(reader.lineCount, reader.top + height)
        // Until the lesson is laid out to its end, its length is not known: "…" stands for it.
        let percent = reader.percent(viewHeight: height).map { "\($0)%  " } ?? ""
        let right = "\(percent)\(lastShown)/\(reader.isLaidOut ? String(reader.lineCount) : "…")  ?:help"
        View.statusLine(left: left, right: right, into: &buffer, style: state.message == nil ? Style(.status) : Style(.status, .bold))
    }
}

/// The table of contents overlay.
enum ContentsView {
    static func draw(_ state: AppState, selected: Int, into buffer: inout ScreenBuffer) {
        let headings = state.reader?.rendered.headings ?? []
        let inner = View.box(title: "Contents", width: min(72, buffer.width - 2), height: min(headings.count + 4, buffer.height - 2), into: &buffer)
        guard inner.height > 1 else { return }
        let rows = inner.height - 1
        let first = max(0, min(selected - rows / 2, headings.count - rows))
        for (slot, i) in (first..<min(headings.count, first + rows)).enumerated() {
            let h = headings[i]
            let indent = String(repeating: "  ", count: max(0, min(h.level, 4) - 1))
            let style = i == selected ? Style(.selection, .bold) : (h.level == 1 ? Style(.heading1, .bold) : h.level == 2 ? Style(.heading2) : Style(.normal))
            if i == selected { buffer.put(String(repeating: " ", count: inner.width), row: inner.row + slot, column: inner.column, style: style) }
            buffer.put(indent + h.title, row: inner.row + slot, column: inner.column, style: style, limit: inner.width)
        }
        buffer.put("Enter jump · Esc close", row: inner.row + rows, column: inner.column, style: Style(.muted), limit: inner.width)
    }
}

/// Every key, from `KeyHelp`: two columns when the terminal is wide enough, else one.
enum HelpView {
    static let keyWidth = 14
    static let columnWidth = 37

    static func rows(_ sections: [KeyHelp.Section]) -> [(String, String, Bool)] {
        var lines: [(String, String, Bool)] = []
        for section in sections {
            if !lines.isEmpty { lines.append(("", "", false)) }
            lines.append((section.title, "", true))
            for (k, what) in section.keys { lines.append((k, what, false)) }
        }
        return lines
    }

    static func draw(into buffer: inout ScreenBuffer) {
        let twoColumns = buffer.width >= 2 * columnWidth + 6
        let columns = twoColumns ? [rows(KeyHelp.left), rows(KeyHelp.right)] : [rows(KeyHelp.sections)]
        let height = (columns.map(\.count).max() ?? 0) + 3
        let width = twoColumns ? 2 * columnWidth + 6 : min(columnWidth + 4, buffer.width - 2)
        let inner = View.box(title: "Keys", width: width, height: min(height, buffer.height), into: &buffer)
        let usable = max(0, inner.height - 1)
        for (c, lines) in columns.enumerated() {
            let x = inner.column + c * (columnWidth + 2)
            for (i, line) in lines.prefix(usable).enumerated() {
                if line.2 {
                    buffer.put(line.0, row: inner.row + i, column: x, style: Style(.heading2, .bold), limit: min(columnWidth, inner.width))
                } else {
                    buffer.put(line.0, row: inner.row + i, column: x, style: Style(.accent, .bold), limit: keyWidth)
                    buffer.put(line.1, row: inner.row + i, column: x + keyWidth, style: .plain,
                               limit: max(0, min(columnWidth - keyWidth, inner.column + inner.width - x - keyWidth)))
                }
            }
        }
        if inner.height > 0 {
            let more = columns.contains { $0.count > usable }
            buffer.put(more ? "any key closes · a larger terminal shows more" : "any key closes",
                       row: inner.row + inner.height - 1, column: inner.column, style: Style(.muted), limit: inner.width)
        }
    }
}
