/// A run of text in one style. `focus` ties it to a focusable target (a link, a quiz, a demo).
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style
    public var focus: Int?

    public init(_ text: String, _ style: Style = .plain, focus: Int? = nil) {
        self.text = text
        self.style = style
        self.focus = focus
    }

    public var width: Int { DisplayWidth.of(text) }
}

/// One screen line of a laid-out document.
public struct Line: Equatable, Sendable {
    public var spans: [Span]
    /// The top-level block this line belongs to (to keep the reading position across widths).
    public var block: Int
    /// Set on the first line of a heading.
    public var anchor: String?
    public var headingLevel: Int

    public init(_ spans: [Span], block: Int = 0, anchor: String? = nil, headingLevel: Int = 0) {
        self.spans = spans
        self.block = block
        self.anchor = anchor
        self.headingLevel = headingLevel
    }

    public static let blank = Line([])

    public var text: String { spans.map(\.text).joined() }
    public var width: Int { spans.reduce(0) { $0 + $1.width } }
}
