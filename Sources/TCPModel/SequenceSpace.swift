/// Sequence numbers live in a 32-bit circle and compare modulo 2^32 (RFC 9293 §3.4).
enum SequenceSpace {
    static func lessThan(_ a: UInt32, _ b: UInt32) -> Bool { Int32(bitPattern: a &- b) < 0 }
    static func lessOrEqual(_ a: UInt32, _ b: UInt32) -> Bool { a == b || lessThan(a, b) }
    /// `low < x <= high` on the circle.
    static func inHalfOpen(_ x: UInt32, after low: UInt32, upTo high: UInt32) -> Bool {
        lessThan(low, x) && lessOrEqual(x, high)
    }
}

/// A small deterministic generator (SplitMix64) so a seed reproduces every ISN.
public struct SeededGenerator: RandomNumberGenerator, Equatable, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An initial sequence number. RFC 9293 §3.4.1 draws ISNs from the whole 32-bit space;
    /// the demo keeps them to four digits so learners can do the arithmetic at a glance.
    public mutating func nextISN() -> UInt32 {
        UInt32.random(in: 1000...9999, using: &self)
    }
}
