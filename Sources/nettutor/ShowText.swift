import CTerminalSupport
import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import LessonKit
import Render

/// `nettutor show`: a lesson's text, laid out block by block (`Layout.writeText`). A large
/// lesson is cut in two at a top-level heading and each piece is parsed, converted and laid
/// out on a thread of its own (or, with no heading to cut at, parsed once and its top-level
/// blocks split in two runs: `MarkdownParser.withParts`). The first run is written as it is
/// laid out, the second waits in memory until then, so the output is the same bytes in the
/// same order as from one thread.
enum ShowText {
    /// Below this many bytes of Markdown one thread does it all: a thread costs more than it
    /// saves on a lesson of ordinary size (the longest in the course is 55 KB).
    static let parallelBytes = 128 * 1024

    /// The documents shown, kept until the process exits: freeing a large lesson's nested
    /// values one by one only delays the exit (19 M instructions for the 2 MB benchmark file).
    nonisolated(unsafe) static var keptUntilExit: [Document] = []

    /// Before the lesson is read: memory freed along the way (the file's bytes, each
    /// block's lines) stays with the process for the next allocation instead of going back
    /// to the kernel and being faulted in again, one page at a time (about 1,100 page
    /// faults of 8,000 for the 2 MB benchmark file). `show` exits when done.
    static func keepFreedMemory() {
        nt_keep_freed_memory()
    }

    static func write(_ lesson: Lesson, width: Int, ansi: Bool) {
        guard lesson.bodyByteCount >= parallelBytes, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else {
            let document = lesson.document()
            keptUntilExit.append(document)
            var out = Output()
            writeInChunks(document, width: width, ansi: ansi, to: &out)
            out.flush()
            return
        }
        // A large lesson's document and lines take tens of MB: 2 MiB pages fault in 500
        // times fewer (about 4,000 fewer page faults and 10% of the CPU time for the 2 MB
        // benchmark file; not for small lessons, where clearing one 2 MiB page costs more).
        nt_huge_pages_for_heap()
        let first = Part()
        let second = Part()
        lesson.withBodyUTF8 { utf8 in
            MarkdownParser.withParts(utf8: utf8, lineOffset: lesson.bodyLineOffset, parts: 2, freeingTree: false) { part, document in
                nt_huge_pages_for_thread_heap()
                if part == 0 {
                    first.document = document
                    var out = Output()
                    writeInChunks(document, width: width, ansi: ansi, to: &out)
                    out.flush()
                } else {
                    second.document = document
                    Layout.writeText(document, blocks: document.blocks.indices, width: width, ansi: ansi,
                                     afterOtherBlocks: true, into: &second.bytes)
                }
            }
        }
        keptUntilExit += [first.document, second.document].compactMap { $0 }
        // The second run's first blank line separates it from the first run's blocks; when
        // the first run has none (a run of nodes that make no block), there is nothing to separate.
        var bytes = second.bytes[...]
        if first.document?.blocks.isEmpty ?? true, bytes.first == UInt8(ascii: "\n") { bytes = bytes.dropFirst() }
        var out = Output()
        out.write(bytes: Array(bytes))
        out.flush()
    }

    /// Lays out a few blocks at a time and hands their text to `out`, which writes it in
    /// 64 KiB pieces while the rest is being laid out.
    static func writeInChunks(_ document: Document, width: Int, ansi: Bool, to out: inout Output) {
        var bytes: [UInt8] = []
        var start = 0
        while start < document.blocks.count {
            let end = min(document.blocks.count, start + 64)
            bytes.removeAll(keepingCapacity: true)
            Layout.writeText(document, blocks: start..<end, width: width, ansi: ansi, into: &bytes)
            out.write(bytes: bytes)
            start = end
        }
    }

    /// One run's document and (for the second) text; each is written by one thread and read
    /// only after `withParts` has returned.
    final class Part: @unchecked Sendable {
        var document: Document?
        var bytes: [UInt8] = []
    }
}
