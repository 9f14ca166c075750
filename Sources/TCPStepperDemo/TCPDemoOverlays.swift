import Render
import TCPModel

/// The boxes drawn over the demo: the scenario list and the prediction question.
enum TCPDemoOverlays {
    static func draw(_ state: TCPDemoState, into buffer: inout ScreenBuffer) {
        switch state.overlay {
        case .none: return
        case .scenarios(let selected): drawScenarios(selected, into: &buffer)
        case .predicting(let event, let host, let selected, _):
            drawPrediction(state, event: event, host: host, selected: selected, into: &buffer)
        }
    }

    /// A bordered box centred on the screen; returns its inner (top, left, width).
    private static func box(title: String, width: Int, height: Int, into buffer: inout ScreenBuffer) -> (Int, Int, Int) {
        let w = min(width, buffer.width - 2), h = min(height, buffer.height)
        let top = max(0, (buffer.height - h) / 2), left = max(0, (buffer.width - w) / 2)
        for r in top..<(top + h) {
            buffer.put(String(repeating: " ", count: w), row: r, column: left, style: .plain)
            buffer.put("│", row: r, column: left, style: DemoStyles.border)
            buffer.put("│", row: r, column: left + w - 1, style: DemoStyles.border)
        }
        let bar = String(repeating: "─", count: max(0, w - 2))
        buffer.put("┌" + bar + "┐", row: top, column: left, style: DemoStyles.border)
        buffer.put("└" + bar + "┘", row: top + h - 1, column: left, style: DemoStyles.border)
        buffer.put(" \(title) ", row: top, column: left + 2, style: DemoStyles.heading, limit: w - 4)
        return (top + 1, left + 2, w - 4)
    }

    private static func drawScenarios(_ selected: Int, into buffer: inout ScreenBuffer) {
        let scenarios = TCPScenario.all
        let (top, left, width) = box(title: "Scenarios", width: 118, height: scenarios.count + 4, into: &buffer)
        for (i, s) in scenarios.enumerated() {
            let style = i == selected ? Style(.selection, [.reverse]) : Style.plain
            let text = (i == selected ? "› " : "  ") + "\(i + 1) \(s.title.padded(to: 20)) \(s.summary)"
            buffer.put(text.padded(to: width), row: top + i, column: left, style: style, limit: width)
        }
        buffer.put("↑↓ choose  enter start  esc back", row: top + scenarios.count + 1, column: left, style: DemoStyles.muted, limit: width)
    }

    private static func drawPrediction(
        _ state: TCPDemoState, event: TCPEvent, host: Host, selected: TCPState, into buffer: inout ScreenBuffer
    ) {
        let states = TCPState.allCases
        let rows = min(states.count, max(1, buffer.height - 6))
        let (top, left, width) = box(title: "Predict", width: 50, height: rows + 5, into: &buffer)
        buffer.put("After \"\(event.scriptLine)\",", row: top, column: left, style: .plain, limit: width)
        buffer.put("which state will the \(host.name) be in?", row: top + 1, column: left, style: Style(.normal, [.bold]), limit: width)
        let index = states.firstIndex(of: selected) ?? 0
        let first = max(0, min(index - rows / 2, states.count - rows))
        for (i, s) in states[first..<(first + rows)].enumerated() {
            let now = s == state.world.state(of: host) ? "  (now)" : ""
            let style = s == selected ? Style(.selection, [.reverse]) : Style.plain
            buffer.put(((s == selected ? "› " : "  ") + s.rfcName + now).padded(to: width), row: top + 2 + i, column: left, style: style, limit: width)
        }
        buffer.put("↑↓ choose  enter answer  esc cancel", row: top + 2 + rows, column: left, style: DemoStyles.muted, limit: width)
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
