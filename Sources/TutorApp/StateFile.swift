import Foundation

/// Loads and saves `ProgressState` atomically (temp file + fsync + rename).
/// A file that cannot be read is moved aside as a backup and reported, never a crash.
public struct StateFile: Sendable {
    public let directory: String
    public var path: String { directory + "/state.json" }

    public init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_STATE_HOME/nettutor`, or `~/.local/state/nettutor`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/nettutor" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/nettutor"
    }

    public struct LoadResult: Sendable {
        public var state: ProgressState
        /// A message for the user when the file was unreadable and moved aside.
        public var notice: String?
    }

    public func load() -> LoadResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            return LoadResult(state: ProgressState(), notice: nil)
        }
        do {
            let state = try JSONDecoder().decode(ProgressState.self, from: data)
            if state.version > ProgressState.currentVersion {
                let backup = moveAside()
                return LoadResult(state: ProgressState(), notice: "progress file was written by a newer nettutor (version \(state.version)); kept as \(backup), starting afresh")
            }
            return LoadResult(state: state, notice: nil)
        } catch {
            let backup = moveAside()
            return LoadResult(state: ProgressState(), notice: "progress file \(path) was unreadable; kept as \(backup), starting afresh")
        }
    }

    private func moveAside() -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        let backup = "\(path).bak-\(stamp)"
        try? FileManager.default.moveItem(atPath: path, toPath: backup)
        return backup
    }

    public enum SaveError: Error, CustomStringConvertible {
        case cannotWrite(String, String)
        public var description: String {
            switch self {
            case .cannotWrite(let path, let why): return "cannot save progress to \(path): \(why)"
            }
        }
    }

    public func save(_ state: ProgressState) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(state)
        try writeAtomically(data)
    }

    func writeAtomically(_ data: Data) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SaveError.cannotWrite(path, "cannot create \(directory)")
        }
        let temp = "\(path).tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SaveError.cannotWrite(path, String(cString: strerror(errno))) }
        var ok = data.withUnsafeBytes { buf -> Bool in
            var offset = 0
            while offset < buf.count {
                let n = write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        let writeErrno = errno
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            let why = String(cString: strerror(writeErrno != 0 ? writeErrno : errno))
            unlink(temp)
            throw SaveError.cannotWrite(path, why)
        }
    }
}
