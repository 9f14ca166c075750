import LessonKit
import Render

/// Draws the whole app into a fresh buffer. Pure: the same state gives the same screen.
public enum View {
    public static func draw(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        if state.tooSmall {
            drawTooSmall(state, into: &buffer)
            return buffer
        }
        switch state.mode {
        case .home: HomeView.draw(state, into: &buffer)
        case .reader: ReaderView.draw(state, into: &buffer)
        }
        switch state.overlay {
        case .help: HelpView.draw(into: &buffer)
        case .contents(let selected): ContentsView.draw(state, selected: selected, into: &buffer)
        case nil: break
        }
        return buffer
    }

    /// `text` cut to `width` columns with an ellipsis when it does not fit.
    static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var w = 0
        for ch in text {
            let cw = DisplayWidth.of(ch)
            if w + cw > width - 1 { break }
            out.append(ch)
            w += cw
        }
        while out.last == " " { out.removeLast() }
        return out + "…"
    }

    static func drawTooSmall(_ state: AppState, into buffer: inout ScreenBuffer) {
        let lines = ["Terminal too small", "\(state.width)x\(state.height); need \(AppState.minimumWidth)x\(AppState.minimumHeight)", "q quits"]
        for (i, l) in lines.enumerated() where i < buffer.height {
            buffer.put(l, row: i, column: 0, style: Style(.warning, .bold))
        }
    }

    static func titleBar(_ text: String, right: String, into buffer: inout ScreenBuffer) {
        let style = Style(.status, .bold)
        buffer.fill(row: 0, style: style)
        let rw = DisplayWidth.of(right)
        buffer.put(" " + text, row: 0, column: 0, style: style, limit: max(0, buffer.width - rw - 2))
        buffer.put(right, row: 0, column: max(0, buffer.width - rw - 1), style: Style(.status))
    }

    static func statusLine(left: String, right: String, into buffer: inout ScreenBuffer, style: Style = Style(.status)) {
        let row = buffer.height - 1
        buffer.fill(row: row, style: style)
        let rw = DisplayWidth.of(right)
        let end = buffer.put(" " + left, row: row, column: 0, style: style, limit: max(0, buffer.width - rw - 2))
        if end + rw + 1 < buffer.width || rw < buffer.width {
            buffer.put(right, row: row, column: max(end + 1, buffer.width - rw - 1), style: style)
        }
    }

    /// A centred box for overlays; returns its inner rectangle (row, column, width, height).
    static func box(title: String, width: Int, height: Int, into buffer: inout ScreenBuffer) -> (row: Int, column: Int, width: Int, height: Int) {
        let w = max(0, min(width, buffer.width - 2))
        let h = max(0, min(height, buffer.height))
        let r = max(0, (buffer.height - h) / 2)
        let c = max(0, (buffer.width - w) / 2)
        let border = Style(.accent, .bold)
        for row in r..<(r + h) {
            buffer.put(String(repeating: " ", count: w), row: row, column: c, style: .plain)
        }
        buffer.put("┌" + String(repeating: "─", count: max(0, w - 2)) + "┐", row: r, column: c, style: border)
        buffer.put(" \(title) ", row: r, column: c + 2, style: border, limit: max(0, w - 4))
        for row in (r + 1)..<max(r + 1, r + h - 1) {
            buffer.put("│", row: row, column: c, style: border)
            buffer.put("│", row: row, column: c + w - 1, style: border)
        }
        buffer.put("└" + String(repeating: "─", count: max(0, w - 2)) + "┘", row: r + h - 1, column: c, style: border)
        return (r + 1, c + 2, max(0, w - 4), max(0, h - 2))
    }
}
