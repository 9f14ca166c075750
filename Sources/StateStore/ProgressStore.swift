import Foundation
import QuizKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the state could not be saved or the directory not used. One line for the user.
public enum ProgressStoreError: Error, Equatable, CustomStringConvertible {
    case cannotCreateDirectory(String, String)
    case cannotLock(String, String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let p, let why): return "cannot create state directory '\(p)': \(why)"
        case .cannotLock(let p, let why): return "cannot lock '\(p)': \(why)"
        case .cannotWrite(let p, let why): return "cannot save progress to '\(p)': \(why)"
        }
    }
}

/// The state file `state.json` in the state directory, shared by every running nettutor.
///
/// - Atomic: a write goes to a temp file in the same directory, is fsynced, then renamed over
///   the old file (rename(2) is atomic within a file system), and the directory is fsynced.
///   A process killed at any moment leaves either the old or the new file, plus at worst a
///   stray temp file that the next writer removes.
/// - Shared: every read-modify-write holds an flock(2) on `state.lock` and re-reads the file
///   before applying the change, so two instances never overwrite each other's answers.
/// - Versioned: a file that does not parse, or that a newer nettutor wrote, is renamed to
///   `state.json.bak-<UTC timestamp>` and reported in `notices`; the program carries on.
public final class ProgressStore {
    public static let fileName = "state.json"
    public let directory: String
    public let path: String
    let lockPath: String
    let tempPrefix: String
    let clock: () -> Date
    public private(set) var state: LearnerProgress
    /// Messages for the user (a file set aside, a file that could not be read). The caller
    /// shows them once; `takeNotices()` empties the list.
    public private(set) var notices: [String] = []
    var warnedUnlocked = false

    /// Opens (creating the directory if needed) and loads the state.
    public init(directory: String, clock: @escaping () -> Date = Date.init) throws(ProgressStoreError) {
        self.directory = directory
        self.path = StateDirectory.join(directory, Self.fileName)
        self.lockPath = StateDirectory.join(directory, "state.lock")
        self.tempPrefix = Self.fileName + ".tmp-"
        self.clock = clock
        self.state = LearnerProgress()
        try Self.makeDirectories(directory)
        try withLock { () throws(ProgressStoreError) in state = load(fallback: LearnerProgress()) }
    }

    /// Applies `change` to the freshest copy on disk and saves it, under the lock.
    /// The in-memory `state` follows even when saving fails, so the session goes on.
    public func update(_ change: (inout LearnerProgress) -> Void) throws(ProgressStoreError) {
        try withLock { () throws(ProgressStoreError) in
            var fresh = load(fallback: state)
            change(&fresh)
            state = fresh
            try writeAtomically(fresh)
        }
    }

    /// Writes a whole in-memory state (e.g. the reader's debounced save) by merging it into
    /// the freshest copy on disk (`LearnerProgress.merge`), so no other instance's answers are lost.
    public func save(merging copy: LearnerProgress) throws(ProgressStoreError) {
        try update { $0.merge(copy) }
    }

    /// Re-reads the file (to see another instance's answers).
    public func reload() throws(ProgressStoreError) {
        try withLock { () throws(ProgressStoreError) in state = load(fallback: state) }
    }

    public func takeNotices() -> [String] {
        defer { notices = [] }
        return notices
    }

    // MARK: Reading

    enum Loaded {
        case missing
        case state(LearnerProgress)
        case unusable(String)
    }

    private struct Header: Decodable { var version: Int? }

    /// Must run under the lock: a bad file is renamed away.
    func load(fallback: LearnerProgress) -> LearnerProgress {
        switch Self.decodeFile(path) {
        case .missing:
            return LearnerProgress()
        case .state(let s):
            return s
        case .unusable(let why):
            setAside(reason: why)
            return fallback
        }
    }

    static func decodeFile(_ path: String) -> Loaded {
        let bytes: [UInt8]
        switch readFile(path) {
        case .failure(let err) where err.code == ENOENT: return .missing
        case .failure(let err): return .unusable("it cannot be read (\(String(cString: strerror(err.code))))")
        case .success(let b): bytes = b
        }
        // The files nettutor writes are read without JSONDecoder's start-up cost; anything
        // else (and every error message) goes the JSONDecoder way below.
        if let quick = StateFileQuickReader.read(bytes) { return .state(quick) }
        let data = Data(bytes)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let header = try? decoder.decode(Header.self, from: data), let version = header.version else {
            return .unusable("it is not a nettutor state file (damaged or truncated)")
        }
        if version > LearnerProgress.currentVersion {
            return .unusable("it was written by a newer nettutor (format \(version); this one reads \(LearnerProgress.currentVersion))")
        }
        if version < 1 {
            return .unusable("it has an unknown format version \(version)")
        }
        do {
            return .state(try decoder.decode(LearnerProgress.self, from: data))
        } catch {
            return .unusable("it is damaged (\(Self.shortReason(error)))")
        }
    }

    static func shortReason(_ error: Error) -> String {
        if case DecodingError.typeMismatch(_, let ctx) = error { return "bad value at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))" }
        if case DecodingError.keyNotFound(let key, _) = error { return "missing '\(key.stringValue)'" }
        if case DecodingError.valueNotFound(_, let ctx) = error { return "missing value at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))" }
        return "invalid JSON"
    }

    func setAside(reason: String) {
        let stamp = Self.timestamp(clock())
        var backup = path + ".bak-" + stamp
        var n = 1
        while access(backup, F_OK) == 0 {
            backup = path + ".bak-" + stamp + "-\(n)"
            n += 1
        }
        if rename(path, backup) == 0 {
            notices.append("nettutor: the state file \(path) was set aside because \(reason); it is kept as \(backup) and progress starts afresh")
        } else {
            notices.append("nettutor: the state file \(path) is ignored because \(reason), and it could not be renamed (\(String(cString: strerror(errno))))")
        }
    }

    /// `20261125T131500Z`: sorts by time, safe in file names.
    static func timestamp(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    // MARK: Writing

    func writeAtomically(_ state: LearnerProgress) throws(ProgressStoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .secondsSince1970
        let data: Data
        do { data = try encoder.encode(state) } catch { throw .cannotWrite(path, "\(error)") }
        removeStaleTemps()
        let temp = StateDirectory.join(directory, tempPrefix + "\(getpid())")
        func fail(_ what: String) -> ProgressStoreError {
            let why = "\(what): \(String(cString: strerror(errno)))"
            unlink(temp)
            return .cannotWrite(path, why)
        }
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw fail("create temp file") }
        let ok = [UInt8](data).withUnsafeBytes { Self.writeAll(fd, $0) }
        guard ok, fsync(fd) == 0 else {
            close(fd)
            throw fail("write")
        }
        close(fd)
        guard rename(temp, path) == 0 else { throw fail("rename") }
        // The rename itself is durable only once the directory is synced.
        let dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Temp files are only created under the lock, so any found while holding it were left
    /// by a writer that died.
    func removeStaleTemps() {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(tempPrefix) { unlink(StateDirectory.join(directory, name)) }
        }
    }

    // MARK: Locking and files

    func withLock<T>(_ body: () throws(ProgressStoreError) -> T) throws(ProgressStoreError) -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotLock(lockPath, String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            // Some network file systems have no flock: carry on unlocked (still atomic, but two
            // instances may then drop each other's answers), and say so once.
            if errno == ENOLCK || errno == EOPNOTSUPP {
                if !warnedUnlocked {
                    notices.append("nettutor: \(lockPath) cannot be locked (\(String(cString: strerror(errno)))); two nettutors running at once may lose each other's answers")
                    warnedUnlocked = true
                }
                return try body()
            }
            throw .cannotLock(lockPath, String(cString: strerror(errno)))
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    static func makeDirectories(_ path: String) throws(ProgressStoreError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            // `String(part)`: `"/" + part` went through the generic `+` for any sequence of
            // characters, whose first use cost 250,000 instructions at every start.
            current += "/"
            current += String(part)
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw .cannotCreateDirectory(path, String(cString: strerror(errno)))
            }
        }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw .cannotCreateDirectory(path, "not a directory")
        }
    }

    static func readFile(_ path: String) -> Result<[UInt8], Errno> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Errno(code: errno)) }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(code: errno))
            }
            if n == 0 { return .success(out) }
            out.append(contentsOf: chunk[0..<n])
        }
    }
}

/// An errno value carried in a `Result`.
struct Errno: Error {
    let code: Int32
}
