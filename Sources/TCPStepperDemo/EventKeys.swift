import Render
import TCPModel

/// The key for each event: lower case acts on the client, upper case on the server.
/// `d`/`D` deliver toward the client/server, `z`/`Z` drop (lose) it, `t`/`T` fire a timer.
enum EventKeys {
    static func key(for event: TCPEvent) -> Character {
        let base: Character
        switch event {
        case .call(_, .listen): base = "l"
        case .call(_, .connect): base = "c"
        case .call(_, .send): base = "s"
        case .call(_, .close): base = "x"
        case .call(_, .abort): base = "a"
        case .deliver: base = "d"
        case .drop: base = "z"
        case .timeout: base = "t"
        }
        return event.host == .client ? base : Character(base.uppercased())
    }

    static func event(for key: Character) -> TCPEvent? {
        TCPEvent.all.first { self.key(for: $0) == key }
    }

    /// A short label for the key line: `c connect`, `D deliver→server`.
    static func label(for event: TCPEvent) -> String {
        switch event {
        case .call(_, let call): return call.rawValue
        case .deliver: return "deliver"
        case .drop: return "drop"
        case .timeout: return "timeout"
        }
    }
}
