import Foundation

/// How many descriptors this process may still open, after raising the soft
/// RLIMIT_NOFILE to the hard limit (setrlimit(2)); checked before anything is opened
/// so a big N is refused up front, never with EMFILE halfway through.
public enum DescriptorLimit {
    /// Descriptors kept free for the rest of the program (terminal, files, the epoll fd).
    public static let reserve = 16

    /// Raises the soft limit to the hard limit and returns the resulting soft limit.
    @discardableResult
    public static func raiseSoftLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur > rlim_t(Int32.max) ? Int(Int32.max) : Int(limit.rlim_cur)
    }

    /// The largest N that fits now: the soft limit minus what is open minus the reserve.
    public static func largestFittingN() -> (n: Int, limit: Int) {
        let limit = raiseSoftLimit()
        return (max(0, limit - openDescriptorCount() - reserve), limit)
    }

    /// Throws `doesNotFit` for the first N that cannot be opened in full.
    public static func check(_ fdCounts: [Int]) throws {
        let (fitting, limit) = largestFittingN()
        if let n = fdCounts.first(where: { $0 > fitting }) {
            throw IOMuxError.doesNotFit(fds: n, available: fitting, limit: limit)
        }
    }

    /// Entries of /proc/self/fd (without the directory's own descriptor), optionally only
    /// those whose link target passes `matching` (e.g. "anon_inode:[eventfd]").
    public static func openDescriptorCount(matching: ((String) -> Bool)? = nil) -> Int {
        guard let dir = opendir("/proc/self/fd") else { return 0 }
        defer { closedir(dir) }
        let own = dirfd(dir)
        var count = 0
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard let fd = Int32(name), fd != own else { continue }
            if let matching {
                var target = [CChar](repeating: 0, count: 256)
                let length = readlink("/proc/self/fd/\(name)", &target, 255)
                guard length > 0 else { continue }
                let text = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !matching(text) { continue }
            }
            count += 1
        }
        return count
    }
}
