/// How roles look in color. Both the curses backend and `show --color always` read it.
/// Attributes in `Style` already carry the meaning, so monochrome stays readable.
public enum Palette {
    public struct Entry: Sendable {
        /// Foreground in the 256-color palette and in the 8 basic colors (-1: terminal default).
        public var fg256: Int
        public var fg8: Int
        public var bg256: Int = -1
        public var bg8: Int = -1
    }

    // 8-color indexes: 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white.
    public static func entry(_ role: ColorRole) -> Entry {
        switch role {
        case .normal: return Entry(fg256: -1, fg8: -1)
        case .heading1: return Entry(fg256: 75, fg8: 4)
        case .heading2: return Entry(fg256: 114, fg8: 2)
        case .heading3: return Entry(fg256: 180, fg8: 3)
        case .link: return Entry(fg256: 39, fg8: 6)
        case .code: return Entry(fg256: 215, fg8: 3)
        case .quote: return Entry(fg256: 245, fg8: 6)
        case .muted: return Entry(fg256: 244, fg8: -1)
        case .border: return Entry(fg256: 240, fg8: -1)
        case .keyword: return Entry(fg256: 170, fg8: 5)
        case .string: return Entry(fg256: 107, fg8: 2)
        case .comment: return Entry(fg256: 244, fg8: -1)
        case .number: return Entry(fg256: 173, fg8: 1)
        case .type: return Entry(fg256: 80, fg8: 6)
        case .accent: return Entry(fg256: 141, fg8: 5)
        case .match: return Entry(fg256: 16, fg8: 0, bg256: 220, bg8: 3)
        case .focus: return Entry(fg256: 16, fg8: 0, bg256: 117, bg8: 6)
        case .status: return Entry(fg256: 252, fg8: 7, bg256: 237, bg8: 4)
        case .error: return Entry(fg256: 203, fg8: 1)
        case .success: return Entry(fg256: 78, fg8: 2)
        case .warning: return Entry(fg256: 214, fg8: 3)
        case .selection: return Entry(fg256: 231, fg8: 7, bg256: 24, bg8: 4)
        }
    }
}
