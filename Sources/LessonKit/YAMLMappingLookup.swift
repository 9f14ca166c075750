import Yams

extension Node.Mapping {
    /// The value of a plain field name such as `title` or `options`: the same node as
    /// `self[key]`, without its cost. Yams compares keys by their resolved tags, and
    /// resolving an untagged scalar runs every resolver rule's regular expression
    /// (NSRegularExpression over ICU) on both sides of each comparison: a fifth of the
    /// instructions to open a lesson went there (BENCHMARKS.md).
    ///
    /// Only for keys that resolve to `str` (none of the YAML 1.1 words for bool, null,
    /// numbers, `<<` or `=`), which every lesson and quiz field name is: a key in the
    /// file then matches when its text is equal and it is untagged, `!` or `!!str`.
    /// Like Yams, the last of duplicate keys wins (found going forward: a mapping is not
    /// bidirectional, so `reversed()` copied its pairs into an array on every lookup).
    public func value(forPlainKey key: String) -> Node? {
        var found: Node?
        for (k, v) in self {
            guard let scalar = k.scalar, scalar.string == key else { continue }
            let tag = scalar.tag.description
            if tag.isEmpty || tag == "!" || tag == "tag:yaml.org,2002:str" { found = v }
        }
        return found
    }
}

extension Constructor {
    /// A constructor with no tag maps. Lessons read every value by its text (`.scalar?.string`,
    /// `Int`/`Bool` construction), never through `Node.any`, the one place a node's
    /// constructor is used; building `Constructor.default`'s maps was 450,000 instructions
    /// of every start. (A new one each time: `Constructor` is a class Yams does not mark
    /// Sendable, and three empty maps cost next to nothing.)
    public static var textOnly: Constructor { Constructor([:], [:], [:]) }
}
