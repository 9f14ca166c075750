/// The three ways Linux lets one thread ask "which of these descriptors are ready?".
public enum MultiplexMethod: String, CaseIterable, Sendable, Hashable {
    /// select(2): a bitmap of descriptor numbers, rebuilt and copied in and out on every call.
    case select
    /// poll(2): an array of (fd, events, revents), walked by the kernel on every call.
    case poll
    /// epoll_wait(2): the kernel keeps the watched set and a ready list between calls.
    case epoll

    /// The name the JSON lines and the screen use.
    public var name: String { rawValue }
}
