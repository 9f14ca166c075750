import Render
import TCPModel

/// Draws the whole demo for a state into a buffer of any size. Two layouts: a wide one
/// (state diagram beside the sequence diagram) and a compact one that keeps the essentials
/// (both states, the last arrows, the explanation) down to 80x24 and below.
enum TCPDemoView {
    static func draw(_ state: TCPDemoState, into buffer: inout ScreenBuffer) {
        let w = buffer.width, h = buffer.height
        for r in 0..<h { buffer.fill(row: r, style: .plain) }
        guard w >= 20, h >= 6 else {
            buffer.put("Enlarge the terminal for the TCP demo", row: 0, column: 0, style: DemoStyles.muted)
            return
        }
        let world = state.world
        var row = 0
        drawTitle(state, into: &buffer, width: w)
        row += 1
        drawHosts(world, into: &buffer, row: row, width: w)
        row += 2
        if let kernel = state.kernel {
            drawKernel(kernel, into: &buffer, row: row, width: w)
            row += 1
        }
        let keyRows = 2
        let flightRows = 2
        let wide = w >= 110 && h >= row + StateDiagram.height + 1 + keyRows + flightRows + 5
        let explanationRows = wide ? max(5, h - row - StateDiagram.height - 1 - keyRows - flightRows) : max(3, min(8, (h - row) / 3))
        let middleRows = h - row - explanationRows - keyRows - flightRows
        if wide {
            StateDiagram.draw(into: &buffer, top: row, left: 1, client: world.client.state, server: world.server.state)
            let legendRow = row + StateDiagram.height
            buffer.put("■ client", row: legendRow, column: 1, style: DemoStyles.client)
            buffer.put("■ server", row: legendRow, column: 11, style: DemoStyles.server)
            buffer.put("RST and ABORT paths lead back to CLOSED (or LISTEN)", row: legendRow, column: 21, style: DemoStyles.muted)
            let left = StateDiagram.width + 3
            SequenceDiagram.draw(world: world, into: &buffer, top: row, left: left, width: w - left, height: middleRows)
        } else if middleRows >= 2 {
            SequenceDiagram.draw(world: world, into: &buffer, top: row, left: 0, width: w, height: middleRows)
        }
        row += max(0, middleRows)
        drawInFlight(world, into: &buffer, row: row, width: w)
        row += flightRows
        drawExplanation(state, into: &buffer, top: row, height: explanationRows, width: w)
        row += explanationRows
        drawKeys(state, into: &buffer, top: row, width: w)
        TCPDemoOverlays.draw(state, into: &buffer)
    }

    private static func drawTitle(_ state: TCPDemoState, into buffer: inout ScreenBuffer, width: Int) {
        buffer.fill(row: 0, style: DemoStyles.title)
        var title = " TCP connection states · RFC 9293"
        if let s = state.scenario { title += " · \(s.title) \(state.scenarioPosition)/\(s.events.count)" }
        buffer.put(title, row: 0, column: 0, style: DemoStyles.title)
        var right = "seed \(state.world.seed)  step \(state.world.steps.count)"
        if state.predictMode { right = "predict \(state.score.right)/\(state.score.asked)  " + right }
        if state.kernel != nil { right = "kernel  " + right }
        right += " "
        buffer.put(right, row: 0, column: max(title.count + 1, width - right.count), style: DemoStyles.title)
    }

    private static func drawHosts(_ world: TCPWorld, into buffer: inout ScreenBuffer, row: Int, width: Int) {
        let half = width / 2
        for host in Host.allCases {
            let e = world[host]
            let column = host == .client ? 1 : half + 1
            let style = host == .client ? StateDiagram.clientStyle : StateDiagram.serverStyle
            var c = buffer.put("\(host.name) ", row: row, column: column, style: host == .client ? DemoStyles.client : DemoStyles.server)
            c = buffer.put(" \(e.state.rfcName) ", row: row, column: c, style: style)
            if e.state == .timeWait {
                buffer.put(" waiting 2 MSL", row: row, column: c, style: DemoStyles.muted, limit: half - (c - column) - 1)
            }
            // The longest form of the TCB variables that fits the half screen.
            let forms = [
                "ISS \(e.iss)  SND.UNA \(e.sndUna)  SND.NXT \(e.sndNxt)  RCV.NXT \(e.rcvNxt)",
                "SND.UNA \(e.sndUna) SND.NXT \(e.sndNxt) RCV.NXT \(e.rcvNxt)",
                "UNA \(e.sndUna) NXT \(e.sndNxt) RCV.NXT \(e.rcvNxt)",
                "una \(e.sndUna) nxt \(e.sndNxt) rcv \(e.rcvNxt)",
            ]
            var vars = forms.first { $0.count <= half - 2 } ?? forms[forms.count - 1]
            if e.state == .closed { vars = "no TCB" } else if e.state == .listen { vars = "waiting for a SYN" }
            buffer.put(vars, row: row + 1, column: column, style: DemoStyles.muted, limit: half - 2)
        }
    }

    private static func drawKernel(_ kernel: TCPDemoState.KernelView, into buffer: inout ScreenBuffer, row: Int, width: Int) {
        var c = buffer.put("Linux 127.0.0.1 ", row: row, column: 1, style: DemoStyles.heading)
        for host in Host.allCases {
            let port = kernel.ports[host].map { ":\($0)" } ?? ""
            let state = kernel.states[host] ?? .closed
            c = buffer.put("\(host.name)\(port) ", row: row, column: c, style: host == .client ? DemoStyles.client : DemoStyles.server)
            c = buffer.put(state.rfcName, row: row, column: c, style: Style(.normal, [.bold]))
            if kernel.listening[host] == true, state != .listen {
                c = buffer.put(" +listener", row: row, column: c, style: DemoStyles.muted)
            }
            c = buffer.put("   ", row: row, column: c, style: .plain)
        }
        if let error = kernel.lastError {
            buffer.put(error, row: row, column: c, style: DemoStyles.error, limit: max(0, width - c))
        }
    }

    private static func drawInFlight(_ world: TCPWorld, into buffer: inout ScreenBuffer, row: Int, width: Int) {
        for (i, host) in [Host.server, .client].enumerated() {
            let queue = world.inFlight(toward: host)
            let c = buffer.put("in flight → \(host.name): ", row: row + i, column: 1, style: DemoStyles.heading)
            let text = queue.isEmpty ? "nothing" : queue.map(\.summary).joined(separator: " · ")
            buffer.put(text, row: row + i, column: c, style: queue.isEmpty ? DemoStyles.muted : DemoStyles.inFlight, limit: max(0, width - c - 1))
        }
    }

    private static func drawExplanation(_ state: TCPDemoState, into buffer: inout ScreenBuffer, top: Int, height: Int, width: Int) {
        guard height > 0 else { return }
        let world = state.world
        var heading = "─ Why "
        if let step = world.lastStep { heading += "· step \(step.number): \(step.event.scriptLine) " }
        buffer.put(heading + String(repeating: "─", count: max(0, width - heading.count)), row: top, column: 0, style: DemoStyles.border)
        var lines: [(String, Style)] = []
        let textWidth = width - 2
        if let message = state.message { lines += TextWrap.wrap(message, width: textWidth).map { ($0, DemoStyles.muted) } }
        if let verdict = state.verdict { lines += TextWrap.wrap(verdict, width: textWidth).map { ($0, DemoStyles.success) } }
        if let step = world.lastStep {
            for sentence in step.explanation {
                let style = sentence.hasPrefix("Choice:") ? DemoStyles.choice : (step.error != nil ? DemoStyles.error : Style.plain)
                lines += TextWrap.wrap(sentence, width: textWidth).map { ($0, style) }
            }
        } else {
            lines += TextWrap.wrap(introduction, width: textWidth).map { ($0, Style.plain) }
        }
        if let kernel = state.kernel {
            for note in KernelNotes.notes(for: kernel, lastEvent: world.lastStep?.event) {
                lines += TextWrap.wrap(note, width: textWidth).map { ($0, DemoStyles.muted) }
            }
        }
        for (i, line) in lines.prefix(height - 1).enumerated() {
            buffer.put(line.0, row: top + 1 + i, column: 1, style: line.1)
        }
        if lines.count > height - 1 {
            buffer.put("…", row: top + height - 1, column: width - 2, style: DemoStyles.muted)
        }
    }

    /// The same event on the other host.
    private static func mirror(_ event: TCPEvent) -> TCPEvent {
        switch event {
        case .call(let h, let c): return .call(h.peer, c)
        case .deliver(let h): return .deliver(h.peer)
        case .drop(let h): return .drop(h.peer)
        case .timeout(let h): return .timeout(h.peer)
        }
    }

    static let introduction =
        "Two hosts run the TCP state machine of RFC 9293. Fire user calls on either host, deliver or drop the oldest segment in flight, or fire a timer; nothing happens until you do. Press n for a scenario, p to predict states, k to run the same calls on real sockets."

    private static func drawKeys(_ state: TCPDemoState, into buffer: inout ScreenBuffer, top: Int, width: Int) {
        var items: [(String, String)] = []
        let valid = state.world.validEvents()
        for event in valid where event.host == .client || !valid.contains(mirror(event)) {
            let key = EventKeys.key(for: event), label = EventKeys.label(for: event)
            let both = event.host == .client && valid.contains(mirror(event))
            switch event {
            case .call(let host, _) where !both: items.append((String(key), "\(host.name) \(label)"))
            case .call: items.append(("\(key)/\(key.uppercased())", label))
            default:
                items.append(both ? ("\(key)/\(key.uppercased())", label) : (String(key), "\(label)→\(event.host.name)"))
            }
        }
        if let next = state.nextScenarioEvent { items.append(("space", "next: \(next.scriptLine)")) }
        if state.stepper.canUndo { items.append(("u", "undo")) }
        items += [("n", "scenarios"), ("p", state.predictMode ? "predict off" : "predict"), ("k", state.kernel == nil ? "kernel" : "model only"), ("q", "quit")]
        var row = top, column = 1
        for (key, label) in items {
            let needed = key.count + 1 + label.count + 2
            if column + needed > width {
                row += 1
                column = 1
                if row >= top + 2 { break }
            }
            column = buffer.put(key, row: row, column: column, style: DemoStyles.key)
            column = buffer.put(" \(label)  ", row: row, column: column, style: .plain)
        }
    }
}
