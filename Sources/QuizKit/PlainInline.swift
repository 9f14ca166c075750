import LessonKit

/// Prompts and options may use Markdown inline formatting; the line runner prints them as
/// plain text (screen readers should not read out asterisks and backticks).
public enum PlainInline {
    public static func text(_ markdown: String) -> String {
        let document = MarkdownParser.parse(markdown)
        let paragraphs = document.blocks.compactMap { block -> String? in
            if case .paragraph(let inlines) = block.kind { return inlines.plainText }
            return nil
        }
        return paragraphs.isEmpty ? markdown : paragraphs.joined(separator: " ")
    }
}
