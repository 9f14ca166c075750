import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import LessonKit
import Render

/// `nettutor show`: a lesson's text, laid out block by block (`Layout.writeText`). A large
/// lesson is cut into two runs of top-level blocks laid out on two threads; the second
/// run's text waits in memory until the first has been written, so the output is the
/// same bytes in the same order as from one thread.
enum ShowText {
    /// Below this many top-level blocks one thread does it all: a thread costs more than
    /// it saves on a lesson of ordinary size.
    static let parallelBlocks = 400

    /// The document being shown, kept until the process exits: freeing a large lesson's
    /// nested values one by one only delays the exit (19 M instructions for the 2 MB
    /// benchmark file).
    nonisolated(unsafe) static var keptUntilExit: Document?

    static func write(_ document: Document, width: Int, ansi: Bool) {
        keptUntilExit = document
        var out = Output()
        let count = document.blocks.count
        guard count >= parallelBlocks, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else {
            writeInChunks(document, blocks: 0..<count, width: width, ansi: ansi, to: &out)
            out.flush()
            return
        }
        let ranges = Layout.balancedRanges(document, parts: 2)
        let second = Chunk()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            Layout.writeText(document, blocks: ranges[1], width: width, ansi: ansi, into: &second.bytes)
            done.signal()
        }
        writeInChunks(document, blocks: ranges[0], width: width, ansi: ansi, to: &out)
        done.wait()
        out.write(bytes: second.bytes)
        out.flush()
    }

    /// Lays out a few blocks at a time and hands their text to `out`, which writes it in
    /// 64 KiB pieces while the rest is being laid out.
    static func writeInChunks(_ document: Document, blocks: Range<Int>, width: Int, ansi: Bool, to out: inout Output) {
        var bytes: [UInt8] = []
        var start = blocks.lowerBound
        while start < blocks.upperBound {
            let end = min(blocks.upperBound, start + 64)
            bytes.removeAll(keepingCapacity: true)
            Layout.writeText(document, blocks: start..<end, width: width, ansi: ansi, into: &bytes)
            out.write(bytes: bytes)
            start = end
        }
    }

    /// The second thread's text; read only after the semaphore says the thread is done.
    final class Chunk: @unchecked Sendable {
        var bytes: [UInt8] = []
    }
}
