/// What a piece of text is, not how it looks: the terminal edge maps roles to colors
/// (256, 8 or none). Attributes carry the meaning that must survive monochrome.
public enum ColorRole: UInt8, Sendable, CaseIterable {
    case normal, heading1, heading2, heading3, link, code, quote, muted, border
    case keyword, string, comment, number, type, accent
    case match, focus, status, error, success, warning, selection
}

public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let italic = TextAttributes(rawValue: 4)
    public static let underline = TextAttributes(rawValue: 8)
    public static let reverse = TextAttributes(rawValue: 16)
    public static let strike = TextAttributes(rawValue: 32)
}

public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var attributes: TextAttributes

    public init(_ role: ColorRole = .normal, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let plain = Style()

    public func with(_ extra: TextAttributes) -> Style {
        Style(role, attributes.union(extra))
    }

    public func role(_ r: ColorRole) -> Style {
        Style(r, attributes)
    }
}
