/// A ready-made sequence of events that shows one behaviour of RFC 9293.
public struct TCPScenario: Equatable, Sendable {
    public let name: String
    public let title: String
    public let summary: String
    public let events: [TCPEvent]

    /// The script text of the scenario, one event per line.
    public var script: String {
        (["# \(title): \(summary)"] + events.map(\.scriptLine)).joined(separator: "\n") + "\n"
    }

    private static let handshake: [TCPEvent] = [
        .call(.server, .listen), .call(.client, .connect), .deliver(.server), .deliver(.client), .deliver(.server),
    ]

    public static let all: [TCPScenario] = [
        TCPScenario(
            name: "handshake", title: "Three-way handshake",
            summary: "SYN, SYN+ACK, ACK synchronize both sequence numbers (§3.5, Figure 6).",
            events: handshake),
        TCPScenario(
            name: "refused", title: "Connection refused",
            summary: "A SYN to a host with no listener is answered with RST+ACK (§3.10.7.1).",
            events: [.call(.client, .connect), .deliver(.server), .deliver(.client)]),
        TCPScenario(
            name: "simultaneous-open", title: "Simultaneous open",
            summary: "Both hosts send SYN at once and meet in SYN-RECEIVED (§3.5, Figure 8).",
            events: [
                .call(.client, .connect), .call(.server, .connect), .deliver(.server), .deliver(.client),
                .deliver(.client), .deliver(.server),
            ]),
        TCPScenario(
            name: "close", title: "Normal close",
            summary: "The client closes first and waits in TIME-WAIT (§3.6, Figure 12).",
            events: handshake + [
                .call(.client, .close), .deliver(.server), .deliver(.client), .call(.server, .close),
                .deliver(.client), .deliver(.server), .timeout(.client),
            ]),
        TCPScenario(
            name: "simultaneous-close", title: "Simultaneous close",
            summary: "Both FINs cross; both hosts pass through CLOSING (§3.6, Figure 13).",
            events: handshake + [
                .call(.client, .close), .call(.server, .close), .deliver(.server), .deliver(.client),
                .deliver(.client), .deliver(.server), .timeout(.client), .timeout(.server),
            ]),
        TCPScenario(
            name: "lost-syn", title: "Lost SYN",
            summary: "The SYN is lost; the retransmission timer sends it again (§3.10.8).",
            events: [
                .call(.server, .listen), .call(.client, .connect), .drop(.server), .timeout(.client),
                .deliver(.server), .deliver(.client), .deliver(.server),
            ]),
        TCPScenario(
            name: "lost-final-ack", title: "Lost final ACK",
            summary: "The last ACK is lost; TIME-WAIT acknowledges the retransmitted FIN (§3.6).",
            events: handshake + [
                .call(.client, .close), .deliver(.server), .deliver(.client), .call(.server, .close),
                .deliver(.client), .drop(.server), .timeout(.server), .deliver(.client), .deliver(.server),
                .timeout(.client),
            ]),
        TCPScenario(
            name: "rst-syn-received", title: "RST in SYN-RECEIVED",
            summary: "The client gives up; its RST sends the server back to LISTEN (§3.10.7.4).",
            events: [
                .call(.server, .listen), .call(.client, .connect), .deliver(.server), .call(.client, .abort),
                .deliver(.client), .deliver(.server),
            ]),
        TCPScenario(
            name: "abort", title: "Abort",
            summary: "ABORT in ESTABLISHED sends RST; the peer resets too (§3.10.5).",
            events: handshake + [.call(.client, .abort), .deliver(.server)]),
    ]

    public static func named(_ name: String) -> TCPScenario? { all.first { $0.name == name } }
}
