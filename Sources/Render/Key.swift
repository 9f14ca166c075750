/// A key press or terminal event, decoded by the terminal edge; everything above it is pure.
public enum Key: Equatable, Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, tab, backTab, escape, backspace, delete
    case wheelUp, wheelDown
    /// A mouse click at a screen position.
    case click(row: Int, column: Int)
    case function(Int)
}

/// What a full-screen demo asks of the loop that hosts it.
public enum DemoOutcome: Equatable, Sendable {
    case keepOpen
    case close
}

/// A full-screen live demo: a pure model plus a view, hosted by the app's loop.
/// Probes that touch the system (sockets, eventfds, /proc) live behind the demo and must
/// release everything in `close()`.
public protocol DemoScreen: AnyObject {
    /// Handles one key; `.close` returns to where the demo was opened from.
    func handle(_ key: Key) -> DemoOutcome
    /// Called about ten times a second so background work can show progress.
    func tick()
    /// Draws the whole screen.
    func draw(into buffer: inout ScreenBuffer)
    /// Frees every descriptor, socket and thread the demo holds. Called once.
    func close()
}
