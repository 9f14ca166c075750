import LessonKit

extension Layout {
    /// Appends the text of `document`'s top-level blocks in `blocks` as `render` lays them
    /// out and `TextRenderer.write` prints each line (plain or ANSI), a line feed after
    /// each: for `nettutor show`, which needs no `RenderedDocument`. Each block's lines
    /// are written and dropped as soon as it is laid out, so no `[Line]` for the whole
    /// document is built, searched for headings and freed (a quarter of the time `show`
    /// took on the 2 MB benchmark file, with the per-line `String`s it used to make).
    ///
    /// The text of a range does not depend on the blocks before it: focus ids (which
    /// `render` numbers through the whole document) are not part of the text, so ranges
    /// can be laid out separately, on separate threads, and their text joined in order.
    /// `afterOtherBlocks`: the document is a later part of a lesson (`MarkdownParser.withParts`),
    /// so its first block gets the blank line that separates it from the blocks before.
    public static func writeText(_ document: Document, blocks: Range<Int>, width: Int, ansi: Bool,
                                 afterOtherBlocks: Bool = false, options: Options = Options(), into out: inout [UInt8]) {
        var layout = Layout(options: options)
        let (margin, textWidth) = textColumn(width: width, options: options)
        for index in blocks {
            // The blank line `render` puts between top-level blocks.
            if index > 0 || afterOtherBlocks { out.append(UInt8(ascii: "\n")) }
            if case .paragraph(let content) = document.blocks[index].kind {
                // Written as it is wrapped: the same text as the lines of `paragraph`.
                var wrapper = InlineWrapper(width: textWidth, writingTextAfter: &out, ansi: ansi, indent: margin)
                layout.emit(content, style: .plain, focus: nil, into: &wrapper)
                out = wrapper.finishText()
                continue
            }
            for line in layout.block(document.blocks[index], width: textWidth) {
                TextRenderer.write(line, ansi: ansi, indent: margin, into: &out)
                out.append(UInt8(ascii: "\n"))
            }
        }
    }
}
