/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seedable generator, so tests and snapshots
/// see the same shuffle every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Question {
    /// The order in which to list a question's choices, as indices into its data. `order`
    /// items are shuffled and never shown already in the right order; other types keep the
    /// file's order (an option may say "both of the above").
    public func listedOrder<G: RandomNumberGenerator>(using generator: inout G) -> [Int] {
        let indices = Array(kind.choices.indices)
        guard case .order = kind, indices.count > 1 else { return indices }
        var shuffled = indices
        while shuffled == indices { shuffled.shuffle(using: &generator) }
        return shuffled
    }
}
