/// The stepper the demo drives: the current world plus every earlier one, so any number
/// of events can be undone.
public struct TCPStepper: Equatable, Sendable {
    public private(set) var history: [TCPWorld]

    public init(seed: UInt64) { history = [TCPWorld(seed: seed)] }

    public var world: TCPWorld { history[history.count - 1] }

    @discardableResult
    public mutating func apply(_ event: TCPEvent) -> StepRecord {
        var next = world
        let record = next.apply(event)
        history.append(next)
        return record
    }

    public var canUndo: Bool { history.count > 1 }

    /// Goes back one event; returns false when already at the start.
    @discardableResult
    public mutating func undo() -> Bool {
        guard canUndo else { return false }
        history.removeLast()
        return true
    }

    /// Starts again from the beginning with the same seed.
    public mutating func reset() { history = [history[0]] }
}
