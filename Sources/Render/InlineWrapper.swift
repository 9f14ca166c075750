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
    /// The current line's spans before its last one, which stays open in `tail` (its UTF-8
    /// bytes) while text in the same style keeps coming: appending to a `String` word by
    /// word cost more than all the wrapping decisions.
    private var current: [Span] = []
    private var tail: [UInt8] = []
    private var tailStyle = Style.plain
    private var tailFocus: Int? = nil
    private var hasTail = false
    private var currentWidth = 0
    private var word: [Span] = []
    private var wordWidth = 0
    private var spaceBeforeWord = false
    private var spaceStyle = Style.plain
    private var spaceFocus: Int? = nil
    /// The word being built is one wide character: the next character starts a new
    /// word (glued, no space) unless it is punctuation that must stay with it.
    private var wordIsWide = false

    /// Set for `show` (`Layout.writeText`): finished lines go straight into `output.bytes`
    /// as `TextRenderer.write` would print them, with no `Span` or `String` made for them.
    private var output: TextOutput?

    struct TextOutput {
        var bytes: [UInt8]
        let ansi: Bool
        let indent: Int
        /// Where the current line (its indent first) starts in `bytes`.
        var lineStart = 0
        var lineCount = 0
        /// Spans closed on the current line.
        var spans = 0

        mutating func startLine() {
            lineStart = bytes.count
            spans = 0
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        }
    }

    init(width: Int) {
        self.width = max(1, width)
    }

    /// A wrapper that writes its lines as text after `indent` spaces, appended to `bytes`,
    /// which it takes over (left empty) until `finishText` hands them back: one buffer, never
    /// copied.
    init(width: Int, writingTextAfter bytes: inout [UInt8], ansi: Bool, indent: Int) {
        self.width = max(1, width)
        var text = TextOutput(bytes: [], ansi: ansi, indent: indent)
        swap(&text.bytes, &bytes)
        text.startLine()
        output = text
    }

    /// CJK punctuation that must not start a line: it sticks to the character before it.
    /// Each is one scalar with no canonical equivalent, so a one-scalar `Character` is one of
    /// them exactly when its scalar is in this set.
    static let stickyScalars: Set<UInt32> = Set("。，、．：；！？）」』】〕〉》”’ー々〜…‥・）］｝，．：；！？".unicodeScalars.map(\.value))

    mutating func add(_ run: Run) {
        // Printable ASCII needs no cleaning (`Sanitizer.clean` would return it as it is).
        if isPrintableASCII(run.text) {
            addASCII(run.text, run)
            return
        }
        let text = Sanitizer.clean(run.text)
        if isPrintableASCII(text) {
            addASCII(text, run)
            return
        }
        // Narrow characters between breaks are appended to the word as one piece (not one
        // `String` per character): the profile showed this loop dominating the layout.
        var pieceStart = text.startIndex
        var pieceWidth = 0
        func flushPiece(upTo end: String.Index) {
            if pieceStart < end { appendToWord(String(text[pieceStart..<end]), width: pieceWidth, run) }
            pieceStart = end
            pieceWidth = 0
        }
        let bytes = text.utf8
        var i = text.startIndex
        while i < text.endIndex {
            // `i` is always a grapheme boundary. An ASCII scalar followed by another ASCII
            // scalar (or the end) is a `Character` of its own (the text is sanitized, so no
            // CR LF pair is left), so most of a run is handled without grapheme breaking.
            let b = bytes[i]
            if b < 0x80 {
                let next = bytes.index(after: i)
                if next == bytes.endIndex || bytes[next] < 0x80 {
                    if b == 0x20 {
                        flushPiece(upTo: i)
                        space(run)
                        pieceStart = next
                    } else {
                        if wordIsWide {
                            flushPiece(upTo: i)
                            finishWord()
                        }
                        pieceWidth += 1
                    }
                    i = next
                    continue
                }
            }
            let ch = text[i]
            let next = text.index(after: i)
            // Compared as scalars: `Character ==` went through a full string comparison. None
            // of these characters has a canonical equivalent, so a one-scalar check is the same.
            let scalars = ch.unicodeScalars
            let first = scalars.first!.value
            let single = scalars.index(after: scalars.startIndex) == scalars.endIndex
            if single && (first == 0x20 || first == 0x3000) {
                flushPiece(upTo: i)
                space(run)
                pieceStart = next
                i = next
                continue
            }
            let w = DisplayWidth.of(ch)
            let sticky = single && Self.stickyScalars.contains(first)
            if wordIsWide && !sticky {
                flushPiece(upTo: i)
                finishWord()
            }
            if w == 2 && !sticky {
                // A wide character is a word of its own, glued to its neighbours.
                flushPiece(upTo: i)
                finishWord()
                appendToWord(String(ch), width: w, run)
                wordIsWide = true
                pieceStart = next
                i = next
                continue
            }
            pieceWidth += w
            i = next
        }
        flushPiece(upTo: text.endIndex)
    }

    private func isPrintableASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { Sanitizer.endOfPrintableASCII($0, from: 0) == $0.count }
    }

    /// Words between spaces. A word that a space ends, with nothing pending before it, goes
    /// straight onto the line (what `finishWord` would do at that space), without building a
    /// `String` and a `Span` for it first: the profile of rendering showed these per-word
    /// copies as the largest cost. The last word stays pending, since the next run may
    /// continue it. Worked on the bytes: `String.Index` steps and `Substring`s cost more
    /// than the wrapping decisions.
    private mutating func addASCII(_ text: String, _ run: Run) {
        var text = text
        text.withUTF8 { bytes in
            var pieceStart = 0
            var first = true
            var i = 0
            while true {
                let atEnd = i == bytes.count
                if atEnd || bytes[i] == UInt8(ascii: " ") {
                    if !first { space(run) }
                    first = false
                    let length = i - pieceStart
                    if length > 0 {
                        let piece = UnsafeBufferPointer(rebasing: bytes[pieceStart..<i])
                        if !atEnd && word.isEmpty && length <= width {
                            place(piece, width: length, run)
                        } else {
                            appendToWord(String(decoding: piece, as: UTF8.self), width: length, run)
                        }
                    }
                    if atEnd { break }
                    pieceStart = i + 1
                }
                i += 1
            }
        }
    }

    mutating func hardBreak() {
        finishWord()
        newLine()
        spaceBeforeWord = false
    }

    mutating func finish() -> [[Span]] {
        finishWord()
        if !current.isEmpty || hasTail || !hasLines { newLine() }
        return lines
    }

    /// The lines finished so far, handed over (a paragraph laid out in parts); the wrapper
    /// goes on as if it still had them.
    mutating func takeLines() -> [[Span]] {
        linesTaken += lines.count
        defer { lines.removeAll(keepingCapacity: true) }
        return lines
    }

    private var linesTaken = 0

    /// `finish` for a wrapper made with `init(width:writingTextAfter:ansi:indent:)`: the
    /// bytes with every line written, each ending in a line feed.
    mutating func finishText() -> [UInt8] {
        finishWord()
        guard output != nil else { return [] }
        if output!.spans > 0 || hasTail || output!.lineCount == 0 { newLine() }
        var text = output!
        output = nil  // `text` holds the only reference: no copy below
        // The next line's indent was written in advance; there is no next line.
        text.bytes.removeLast(text.bytes.count - text.lineStart)
        return text.bytes
    }

    private var hasLines: Bool { output.map { $0.lineCount > 0 } ?? (!lines.isEmpty || linesTaken > 0) }

    private mutating func space(_ run: Run) {
        finishWord()
        if currentWidth > 0 || hasLines {
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

    /// A whole word that fits on a line, placed as `finishWord` places a one-span word.
    private mutating func place(_ text: UnsafeBufferPointer<UInt8>, width w: Int, _ run: Run) {
        let gap = (spaceBeforeWord && currentWidth > 0) ? 1 : 0
        if currentWidth + gap + w <= width {
            if gap == 1 {
                openTail(spaceStyle, spaceFocus)
                tail.append(UInt8(ascii: " "))
            }
            append(text, run.style, run.focus)
            currentWidth += gap + w
        } else {
            if currentWidth > 0 { newLine() }
            append(text, run.style, run.focus)
            currentWidth = w
        }
        spaceBeforeWord = false
        wordIsWide = false
    }

    private mutating func append(_ text: UnsafeBufferPointer<UInt8>, _ style: Style, _ focus: Int?) {
        openTail(style, focus)
        // A word is a few bytes: appending them one by one costs less than the general
        // `append(contentsOf:)`.
        if text.count <= 16 {
            for b in text { tail.append(b) }
        } else {
            tail.append(contentsOf: text)
        }
    }

    /// Copies contiguous UTF-8 at once (the generic `append(contentsOf:)` went byte by byte).
    private mutating func appendBytes<C: Collection>(_ utf8: C) where C.Element == UInt8 {
        let done: Void? = utf8.withContiguousStorageIfAvailable { tail.append(contentsOf: $0) }
        if done == nil { tail.append(contentsOf: utf8) }
    }

    private mutating func append(_ span: Span) {
        openTail(span.style, span.focus)
        appendBytes(span.text.utf8)
    }

    /// Makes the open span one of `style` and `focus`, closing the previous one if it differs.
    @inline(__always)
    private mutating func openTail(_ style: Style, _ focus: Int?) {
        if hasTail, tailStyle == style, tailFocus == focus { return }
        closeTail()
        hasTail = true
        tailStyle = style
        tailFocus = focus
    }

    private mutating func closeTail() {
        guard hasTail else { return }
        if output != nil {
            let style = tailStyle
            tail.withUnsafeBufferPointer { TextRenderer.writeSpan($0, style: style, ansi: output!.ansi, into: &output!.bytes) }
            output!.spans += 1
        } else {
            current.append(Span(String(decoding: tail, as: UTF8.self), tailStyle, focus: tailFocus))
        }
        tail.removeAll(keepingCapacity: true)
        hasTail = false
    }

    private mutating func newLine() {
        closeTail()
        if output != nil {
            TextRenderer.endLine(&output!.bytes, from: output!.lineStart, ansi: output!.ansi)
            output!.lineCount += 1
            output!.startLine()
        } else {
            lines.append(current)
            current = []
        }
        currentWidth = 0
    }
}
