import CIOMux
import Foundation

/// N eventfds of which K, spread evenly, are readable, plus everything the three
/// methods need built before timing starts: the fd list select sets bits from, the
/// pollfd array poll walks, and a level-triggered epoll set with room for N events.
/// Owns every descriptor and buffer; `close()` (or deinit) frees them all.
final class WatchedEventfds {
    let count: Int
    let active: Int
    let fds: UnsafeMutableBufferPointer<Int32>
    let pollfds: UnsafeMutableBufferPointer<pollfd>
    let epollEvents: UnsafeMutableRawPointer
    private(set) var epollFD: Int32 = -1
    /// ns per epoll_ctl(EPOLL_CTL_ADD), measured while the set was filled.
    private(set) var nsPerEpollAdd: Double = 0
    private var opened = 0
    private var closed = false

    /// Which of the N indexes are made readable: the middle of each of K equal slices.
    static func activeIndexes(count n: Int, active k: Int) -> [Int] {
        (0..<k).map { (2 * $0 + 1) * n / (2 * k) }
    }

    init(count: Int, active: Int) throws {
        precondition(count >= 1 && active >= 0 && active <= count, "plan validated by the probe")
        self.count = count
        self.active = active
        fds = .allocate(capacity: count)
        pollfds = .allocate(capacity: count)
        epollEvents = .allocate(byteCount: count * Int(nt_epoll_event_size()), alignment: 8)
        do {
            try open()
        } catch {
            close()
            throw error
        }
    }

    /// The highest descriptor number: select can only watch it below FD_SETSIZE.
    var highestFD: Int32 { fds.max() ?? -1 }

    private func open() throws {
        for i in 0..<count {
            let fd = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
            guard fd >= 0 else { throw Self.failure("eventfd") }
            fds[i] = fd
            opened = i + 1
            pollfds[i] = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        }
        // An eventfd is readable while its counter is non-zero; nobody reads it back,
        // so these K stay readable for every call (eventfd(2)).
        var one: UInt64 = 1
        for i in Self.activeIndexes(count: count, active: active) {
            guard write(fds[i], &one, 8) == 8 else { throw Self.failure("write to eventfd") }
        }
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw Self.failure("epoll_create1") }
        var elapsed: Int64 = 0
        let error = nt_epoll_add_all(epollFD, fds.baseAddress, Int32(count), &elapsed)
        guard error == 0 else {
            throw IOMuxError.systemCall("epoll_ctl(EPOLL_CTL_ADD)", errno: error, text: String(cString: strerror(error)))
        }
        nsPerEpollAdd = Double(elapsed) / Double(count)
    }

    private static func failure(_ call: String) -> IOMuxError {
        let code = errno
        return .systemCall(call, errno: code, text: String(cString: strerror(code)))
    }

    /// Closes every descriptor and frees the buffers; safe to call twice.
    func close() {
        guard !closed else { return }
        closed = true
        if epollFD >= 0 { _ = Glibc.close(epollFD) }
        for i in 0..<opened { _ = Glibc.close(fds[i]) }
        fds.deallocate()
        pollfds.deallocate()
        epollEvents.deallocate()
    }

    deinit { close() }
}
