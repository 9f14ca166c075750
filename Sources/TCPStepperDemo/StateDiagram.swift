import Render
import TCPModel

/// RFC 9293 Figure 5, the connection state diagram, redrawn compactly with box characters.
/// Edge labels read "received/sent" (SYN/SYN+ACK: on SYN, send SYN+ACK).
/// RST and ABORT paths back to CLOSED are left out, as in the RFC's figure.
enum StateDiagram {
    static let lines: [String] = [
        "           ┌──────┬───── CLOSED ◀────────────────────────┐",
        "    listen │      │connect/SYN                           │",
        "           ▼      ▼                                      │",
        "        LISTEN SYN-SENT                                  │",
        "SYN/SYN+ACK│    │SYN │SYN+ACK/ACK                        │",
        "           ▼    ▼    │                                   │",
        "      SYN-RECEIVED   │                                   │",
        "           │ACK      │                                   │",
        "           ▼         │                                   │",
        "      ESTABLISHED ◀──┘                                   │",
        "       │       └──FIN/ACK──┐                             │",
        "       ▼ close/FIN         ▼                             │",
        "  FIN-WAIT-1           CLOSE-WAIT                        │",
        "   │ACK    │FIN/ACK        │close/FIN                    │",
        "   ▼       ▼               ▼                             │",
        "FIN-WAIT-2 CLOSING     LAST-ACK ──────── ACK ───────────▶┤",
        "     │FIN   │ACK                                         │",
        "     ▼      ▼                                            │",
        "    TIME-WAIT ──────────────── 2 MSL ────────────────────┘",
    ]

    static let width = 58
    static var height: Int { lines.count }

    /// Where each state's name sits in `lines` (row, column), found once.
    static let positions: [TCPState: (row: Int, column: Int)] = {
        var result: [TCPState: (Int, Int)] = [:]
        for state in TCPState.allCases {
            for (row, line) in lines.enumerated() {
                let chars = Array(line)
                let name = Array(state.rfcName)
                var column = 0
                while column + name.count <= chars.count {
                    let after = column + name.count < chars.count ? chars[column + name.count] : " "
                    if Array(chars[column..<column + name.count]) == name, !after.isLetter, after != "-" {
                        result[state] = (row, column)
                        break
                    }
                    column += 1
                }
                if result[state] != nil { break }
            }
        }
        return result
    }()

    static let clientStyle = Style(.accent, [.reverse, .bold])
    static let serverStyle = Style(.success, [.reverse, .bold])
    static let bothStyle = Style(.warning, [.reverse, .bold, .underline])

    /// Draws the diagram at (top, left) with each host's state highlighted, clipped to the buffer.
    static func draw(into buffer: inout ScreenBuffer, top: Int, left: Int, client: TCPState, server: TCPState) {
        for (i, line) in lines.enumerated() {
            buffer.put(line, row: top + i, column: left, style: Style(.border), limit: max(0, buffer.width - left))
        }
        for state in TCPState.allCases {
            guard let p = positions[state] else { continue }
            buffer.restyle(row: top + p.row, from: left + p.column, to: left + p.column + state.rfcName.count) { _ in Style(.normal, [.bold]) }
        }
        func mark(_ state: TCPState, _ style: Style) {
            guard let p = positions[state] else { return }
            buffer.restyle(row: top + p.row, from: left + p.column, to: left + p.column + state.rfcName.count) { _ in style }
        }
        if client == server {
            mark(client, bothStyle)
        } else {
            mark(client, clientStyle)
            mark(server, serverStyle)
        }
    }
}
