import Render

/// A one-line text field: insert anywhere, move by character (a wide CJK character or an
/// emoji is one step and two columns), delete either side, readline's Ctrl keys.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character] = []
    /// Index in `characters` the next character goes before.
    public private(set) var cursor = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Edits for `key`; false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            guard !c.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return false }
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"):
            characters.removeLast(characters.count - cursor)
        case .ctrl("w"):
            // Delete the word before the cursor, as readline does.
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// The part of the text to show in `width` columns, scrolled so the cursor is visible,
    /// and the cursor's column in it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        let width = max(2, width)
        let widths = characters.map { DisplayWidth.of($0) }
        // Start as far left as possible while the cursor (plus one cell for it) still fits.
        var start = 0
        var before = widths[0..<cursor].reduce(0, +)
        while before + 1 > width, start < cursor {
            before -= widths[start]
            start += 1
        }
        var shown = ""
        var used = 0
        for i in start..<characters.count {
            if used + widths[i] > width { break }
            shown.append(characters[i])
            used += widths[i]
        }
        return (shown, before)
    }
}
