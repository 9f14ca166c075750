import Render
import TCPModel

/// The time–sequence diagram: client lifeline on the left, server on the right, one arrow
/// per segment in sending order. Solid arrows were delivered, dashed ones are still in
/// flight, and a ✗ marks a segment the network dropped.
enum SequenceDiagram {
    struct Row: Equatable {
        var clientLabel: String?
        var serverLabel: String?
        /// The segment's id in the world's log.
        var segmentID: Int?
        /// A user call or an error, written between the lifelines when no arrow is.
        var note: String?
        /// The segment was sent again by a retransmission timeout.
        var retransmission = false
    }

    /// One row per segment sent, plus a row for events that change a state without sending.
    static func rows(for world: TCPWorld) -> [Row] {
        var rows: [Row] = []
        for step in world.steps {
            var labels = Row()
            if step.before[.client] != step.after[.client] { labels.clientLabel = step.after[.client]?.rfcName }
            if step.before[.server] != step.after[.server] { labels.serverLabel = step.after[.server]?.rfcName }
            if let error = step.error {
                if case .call = step.event {
                    rows.append(Row(note: "\(step.event.scriptLine): \(error)"))
                }
                continue
            }
            if step.sent.isEmpty {
                if case .call(_, let call) = step.event {
                    labels.note = "\(step.event.host.name) \(call.rawValue)"
                } else if case .timeout = step.event {
                    labels.note = "\(step.event.host.name) timer expires"
                }
                if labels.clientLabel != nil || labels.serverLabel != nil || labels.note != nil { rows.append(labels) }
                continue
            }
            for (i, id) in step.sent.enumerated() {
                var row = i == 0 ? labels : Row()
                row.segmentID = id
                if case .timeout = step.event { row.retransmission = true }
                rows.append(row)
            }
        }
        return rows
    }

    /// Room for a state name (SYN-RECEIVED is 12) beside each lifeline.
    static let labelWidth = 13

    /// Draws the header and the last rows that fit into the rectangle.
    static func draw(world: TCPWorld, into buffer: inout ScreenBuffer, top: Int, left: Int, width: Int, height: Int) {
        guard height >= 2, width >= 2 * labelWidth + 12 else { return }
        let leftLine = left + labelWidth
        let rightLine = left + width - labelWidth - 1
        buffer.put("client", row: top, column: leftLine - 3, style: DemoStyles.client)
        buffer.put("server", row: top, column: rightLine - 3, style: DemoStyles.server)
        let all = rows(for: world)
        let visible = all.suffix(height - 1)
        if all.count > visible.count {
            buffer.put("⋮ \(all.count - visible.count) earlier", row: top, column: leftLine + 5, style: DemoStyles.muted)
        }
        for (offset, row) in visible.enumerated() {
            let r = top + 1 + offset
            buffer.put("│", row: r, column: leftLine, style: DemoStyles.border)
            buffer.put("│", row: r, column: rightLine, style: DemoStyles.border)
            if let label = row.clientLabel {
                buffer.put(label, row: r, column: left, style: DemoStyles.client, limit: labelWidth - 1)
            }
            if let label = row.serverLabel {
                buffer.put(label, row: r, column: rightLine + 2, style: DemoStyles.server, limit: labelWidth - 1)
            }
            if let id = row.segmentID, let record = world.record(of: id) {
                drawArrow(record, retransmission: row.retransmission, into: &buffer, row: r, from: leftLine + 1, to: rightLine - 1)
            } else if let note = row.note {
                let span = rightLine - leftLine - 1
                let text = String(note.prefix(span - 2))
                buffer.put(text, row: r, column: leftLine + 1 + (span - text.count) / 2, style: DemoStyles.muted)
            }
        }
    }

    /// The arrow's text: the full `SYN seq=N ack=N`, or a shorter form when space is short.
    static func label(_ segment: Segment, fitting width: Int) -> String {
        let full = segment.summary
        if full.count <= width { return full }
        var short = "\(segment.kind) \(segment.seq)/\(segment.ack)"
        if segment.dataLength > 0 { short += " +\(segment.dataLength)" }
        return String(short.prefix(width))
    }

    private static func drawArrow(
        _ record: SegmentRecord, retransmission: Bool, into buffer: inout ScreenBuffer, row: Int, from: Int, to: Int
    ) {
        let span = to - from + 1
        let rightward = record.from == .client
        let mark = retransmission ? "↻ " : ""
        let text = " " + mark + label(record.segment, fitting: span - 6 - mark.count) + " "
        let style: Style
        var line: Character = "─"
        var head: Character = rightward ? "▶" : "◀"
        var end = span
        switch record.fate {
        case .delivered:
            style = DemoStyles.arrow
        case .inFlight:
            style = DemoStyles.inFlight
            line = "╌"
            head = rightward ? "▷" : "◁"
        case .dropped:
            style = DemoStyles.dropped
            head = "✗"
            // Three quarters of the way, but never on top of the label.
            end = min(span, max(span * 3 / 4, text.count + 4))
        }
        var cells = [Character](repeating: " ", count: span)
        let body = rightward ? 0..<end : (span - end)..<span
        for i in body { cells[i] = line }
        cells[rightward ? end - 1 : span - end] = head
        let start = rightward ? 2 : span - end + 2
        for (i, ch) in text.enumerated() where start + i < span - 1 && start + i > 0 {
            cells[start + i] = ch
        }
        // The head goes on last so a long label never hides it.
        cells[rightward ? end - 1 : span - end] = head
        buffer.put(String(cells), row: row, column: from, style: style)
        if case .dropped = record.fate, span - end >= 6 {
            buffer.put("lost", row: row, column: from + (rightward ? end + 1 : span - end - 6), style: DemoStyles.dropped)
        }
    }
}

/// The roles the demo draws with; the terminal edge maps roles to colours.
enum DemoStyles {
    static let client = Style(.accent, [.bold])
    static let server = Style(.success, [.bold])
    static let border = Style(.border)
    static let muted = Style(.muted)
    static let arrow = Style(.normal)
    static let inFlight = Style(.warning)
    static let dropped = Style(.error, [.bold])
    static let title = Style(.heading1, [.reverse, .bold])
    static let heading = Style(.heading2, [.bold])
    static let choice = Style(.warning, [.italic])
    static let key = Style(.focus, [.bold])
    static let error = Style(.error, [.bold])
    static let success = Style(.success, [.bold])
}
