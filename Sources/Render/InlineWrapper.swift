import LessonKit

/// A piece of inline text with its style, before wrapping.
struct Run {
    var text: String
    var style: Style
    var focus: Int?
}

/// Greedy word wrapping by display width. Breaks at spaces, and between wide (CJK)
/// characters, never inside one; words longer than the line are cut between characters.
struct InlineWrapper {
    let width: Int
    private(set) var lines: [[Span]] = []
    private var current: [Span] = []
    private var currentWidth = 0
    private var word: [Span] = []
    private var wordWidth = 0
    private var spaceBeforeWord = false
    private var spaceStyle = Style.plain
    private var spaceFocus: Int? = nil
    /// The word being built is one wide character: the next character starts a new
    /// word (glued, no space) unless it is punctuation that must stay with it.
    private var wordIsWide = false

    init(width: Int) {
        self.width = max(1, width)
    }

    /// CJK punctuation that must not start a line: it sticks to the character before it.
    /// A set, not `String.contains`: that walks the string's graphemes for every character
    /// and was the hot spot in laying out a 20 MB lesson.
    static let sticky: Set<Character> = Set("。，、．：；！？）」』】〕〉》”’ー々〜…‥・）］｝，．：；！？")

    static func sticksToPrevious(_ ch: Character) -> Bool {
        // Everything that sticks is at or above U+2000; most text is far below.
        guard let first = ch.unicodeScalars.first, first.value >= 0x2000 else { return false }
        return sticky.contains(ch)
    }

    mutating func add(_ run: Run) {
        let text = Sanitizer.clean(run.text)
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            var first = true
            for piece in text.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false) {
                if !first { space(run) }
                first = false
                if !piece.isEmpty {
                    appendToWord(String(Substring(piece)), width: piece.count, run)
                }
            }
            return
        }
        for ch in text {
            if ch == " " || ch == "\u{3000}" {
                space(run)
                continue
            }
            let w = DisplayWidth.of(ch)
            let sticky = Self.sticksToPrevious(ch)
            if wordIsWide && !sticky {
                finishWord()
            }
            if w == 2 && !sticky {
                // A wide character is a word of its own, glued to its neighbours.
                finishWord()
                appendToWord(String(ch), width: w, run)
                wordIsWide = true
                continue
            }
            appendToWord(String(ch), width: w, run)
        }
    }

    mutating func hardBreak() {
        finishWord()
        newLine()
        spaceBeforeWord = false
    }

    mutating func finish() -> [[Span]] {
        finishWord()
        if !current.isEmpty || lines.isEmpty { newLine() }
        return lines
    }

    private mutating func space(_ run: Run) {
        finishWord()
        if currentWidth > 0 || !lines.isEmpty {
            spaceBeforeWord = true
            spaceStyle = run.style
            spaceFocus = run.focus
        }
    }

    private mutating func appendToWord(_ text: String, width w: Int, _ run: Run) {
        if let last = word.last, last.style == run.style, last.focus == run.focus {
            word[word.count - 1].text += text
        } else {
            word.append(Span(text, run.style, focus: run.focus))
        }
        wordWidth += w
    }

    private mutating func finishWord() {
        guard !word.isEmpty else { return }
        defer {
            word.removeAll(keepingCapacity: true)
            wordWidth = 0
            spaceBeforeWord = false
            wordIsWide = false
        }
        let gap = (spaceBeforeWord && currentWidth > 0) ? 1 : 0
        if currentWidth + gap + wordWidth <= width {
            if gap == 1 { append(Span(" ", spaceStyle, focus: spaceFocus)) }
            for s in word { append(s) }
            currentWidth += gap + wordWidth
            return
        }
        if currentWidth > 0 { newLine() }
        if wordWidth <= width {
            for s in word { append(s) }
            currentWidth = wordWidth
            return
        }
        // Longer than a whole line: cut between characters.
        for span in word {
            for ch in span.text {
                let w = DisplayWidth.of(ch)
                if currentWidth + w > width && currentWidth > 0 { newLine() }
                append(Span(String(ch), span.style, focus: span.focus))
                currentWidth += w
            }
        }
    }

    private mutating func append(_ span: Span) {
        if let last = current.last, last.style == span.style, last.focus == span.focus {
            current[current.count - 1].text += span.text
        } else {
            current.append(span)
        }
    }

    private mutating func newLine() {
        lines.append(current)
        current = []
        currentWidth = 0
    }
}
