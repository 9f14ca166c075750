#if canImport(Glibc)
    import Glibc
#endif

struct FileReadError: Error {}

/// Reads a small /proc file with plain read(2); /proc files report size 0, so read to EOF.
func readWholeFile(_ path: String) throws -> String {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileReadError() }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16384)
    // Bounded: /proc/net/tcp on a busy machine is a few hundred KiB at most.
    for _ in 0..<4096 {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}
