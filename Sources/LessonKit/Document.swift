/// A lesson body as plain Swift values: what cmark-gfm parsed, with the C nodes already freed.
public struct Document: Sendable, Equatable {
    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }
}

/// A block with the 1-based line in the lesson file where it starts.
public struct Block: Sendable, Equatable {
    public var kind: BlockKind
    public var line: Int

    public init(_ kind: BlockKind, line: Int) {
        self.kind = kind
        self.line = line
    }
}

public enum BlockKind: Sendable, Equatable {
    case heading(level: Int, content: [Inline], anchor: String)
    case paragraph([Inline])
    case codeBlock(info: String, text: String)
    case blockQuote([Block])
    case list(List)
    case table(Table)
    case thematicBreak
    /// Raw HTML is shown as text, never interpreted.
    case html(String)
    /// A fenced ```quiz block: YAML, interpreted by the quiz engine.
    case quiz(source: String)
    /// A fenced ```demo block naming a built-in demo.
    case demo(name: String)
}

public struct List: Sendable, Equatable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [ListItem]

    public init(ordered: Bool, start: Int, tight: Bool, items: [ListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

public struct ListItem: Sendable, Equatable {
    /// `nil` for an ordinary item; `true`/`false` for a GFM task list item.
    public var task: Bool?
    public var blocks: [Block]

    public init(task: Bool?, blocks: [Block]) {
        self.task = task
        self.blocks = blocks
    }
}

public struct Table: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case none, left, center, right }
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]

    public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

public enum Inline: Sendable, Equatable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(destination: String, content: [Inline])
    case image(source: String, alt: [Inline])
    case softBreak
    case lineBreak
    /// Raw inline HTML is shown as text, never interpreted.
    case html(String)
}

extension Inline {
    /// The text a reader sees, without formatting (used for anchors, the TOC and search).
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s), .html(let s): return s
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c), .image(_, let c):
            return c.plainText
        case .softBreak, .lineBreak: return " "
        }
    }
}

extension Array where Element == Inline {
    public var plainText: String { map(\.plainText).joined() }
}
