import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh empty directory per test, under one root per test process that is removed
/// when the process exits (the machine is shared).
public func scratchDirectory() -> String {
    ScratchRoot.shared.make()
}

final class ScratchRoot: Sendable {
    static let shared = ScratchRoot()
    let path: String

    init() {
        path = "/tmp/nettutor-tests.\(getpid())"
        mkdir(path, 0o700)
        atexit {
            try? FileManager.default.removeItem(atPath: "/tmp/nettutor-tests.\(getpid())")
        }
    }

    func make() -> String {
        var template = Array((path + "/XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil)
        return String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
    }
}
