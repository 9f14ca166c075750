/// Errors a learner can meet, each one clear line.
public enum IOMuxError: Error, Equatable, CustomStringConvertible, Sendable {
    /// N descriptors (plus the epoll descriptor) do not fit under the descriptor limit.
    case doesNotFit(fds: Int, available: Int, limit: Int)
    case badActiveCount(active: Int, fds: Int)
    case badFdCount(Int)
    case badFdList(String)
    /// A system call failed; errno as a number and its text.
    case systemCall(String, errno: Int32, text: String)

    public var description: String {
        switch self {
        case .doesNotFit(let n, let available, let limit):
            return "N=\(n) does not fit: only \(available) more descriptors can be opened "
                + "(RLIMIT_NOFILE is \(limit)); choose a smaller N or raise the hard limit"
        case .badActiveCount(let k, let n):
            return "K=\(k) active descriptors cannot be spread over N=\(n): K must be between 0 and N"
        case .badFdCount(let n):
            return "N=\(n) is not a number of descriptors: it must be at least 1"
        case .badFdList(let text):
            return "'\(text)' is not a list of descriptor counts (expected e.g. 10,100,1000)"
        case .systemCall(let call, let errno, let text):
            return "\(call) failed: \(text) (errno \(errno))"
        }
    }
}
