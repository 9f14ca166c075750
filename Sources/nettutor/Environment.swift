#if canImport(Glibc)
import Glibc
#endif

/// Environment variables read one at a time with getenv: `ProcessInfo.environment` copies
/// the whole environment into a dictionary, which was 12% of the work before the first
/// frame of a lesson.
enum Environment {
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Only the named variables, as a dictionary (for functions that take one).
    static func subset(_ names: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for name in names { out[name] = value(name) }
        return out
    }
}
