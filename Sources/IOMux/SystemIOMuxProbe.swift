import CIOMux

/// The real probe: opens N eventfds per N and times select, poll and epoll_wait on them
/// with the C loops. Used off the UI thread by `MeasurementRunner` and directly by the
/// JSON command.
public struct SystemIOMuxProbe: IOMuxProbe {
    public var method: MeasuringMethod

    public init(method: MeasuringMethod = .standard) {
        self.method = method
    }

    /// FD_SETSIZE as this C library defines it.
    public static let fdSetSize = Int(nt_fd_setsize())

    /// Why select is not called on a set whose highest descriptor is `highestFD`, or nil.
    /// FD_SET on fd >= FD_SETSIZE writes past the end of the fd_set (select(2), BUGS).
    public static func selectSkipReason(highestFD: Int) -> String? {
        guard highestFD >= fdSetSize else { return nil }
        return "fd \(highestFD) >= FD_SETSIZE (\(fdSetSize)): select cannot watch it"
    }

    /// Refuses a plan before anything is opened: bad N or K, or an N over the fd limit.
    public static func validate(_ plan: MeasurementPlan) throws {
        for n in plan.fdCounts {
            guard n >= 1 else { throw IOMuxError.badFdCount(n) }
            guard plan.active >= 0, plan.active <= n else {
                throw IOMuxError.badActiveCount(active: plan.active, fds: n)
            }
        }
        try DescriptorLimit.check(plan.fdCounts)
    }

    public func run(_ plan: MeasurementPlan, isCancelled: () -> Bool, deliver: (ProbeEvent) -> Void) {
        do {
            try Self.validate(plan)
        } catch {
            deliver(.failed("\(error)"))
            return
        }
        let total = plan.steps.count
        var step = 0
        for n in plan.fdCounts {
            if isCancelled() { return deliver(.cancelled) }
            let set: WatchedEventfds
            do {
                set = try WatchedEventfds(count: n, active: plan.active)
            } catch {
                return deliver(.failed("\(error)"))
            }
            // Closed here on every path out of this N, cancel included.
            defer { set.close() }
            deliver(.epollAdd(EpollAddCost(fds: n, nsPerAdd: set.nsPerEpollAdd)))
            for m in MultiplexMethod.allCases {
                deliver(.measuring(method: m, fds: n, step: step, of: total))
                step += 1
                guard let result = measure(m, on: set, isCancelled: isCancelled) else {
                    return deliver(.cancelled)
                }
                deliver(.result(result))
            }
        }
        deliver(.finished)
    }

    /// One method at one N; nil when cancelled.
    func measure(_ m: MultiplexMethod, on set: WatchedEventfds, isCancelled: () -> Bool) -> ReadinessMeasurement? {
        let k = set.active
        if m == .select, let reason = Self.selectSkipReason(highestFD: Int(set.highestFD)) {
            return ReadinessMeasurement(method: m, fds: set.count, active: k, outcome: .skipped(reason: reason))
        }
        let count = Int32(set.count)
        let expected = Int32(k)
        let outcome = method.measure(isCancelled: isCancelled) { calls in
            var t = nt_iomux_timing()
            switch m {
            case .select: nt_time_select(set.fds.baseAddress, count, calls, expected, &t)
            case .poll: nt_time_poll(set.pollfds.baseAddress, count, calls, expected, &t)
            case .epoll: nt_time_epoll_wait(set.epollFD, set.epollEvents, count, calls, expected, &t)
            }
            return .init(
                elapsedNanoseconds: t.elapsed_ns, mismatchedCalls: t.mismatches,
                firstWrongReady: Int(t.first_wrong_ready))
        }
        guard let outcome else { return nil }
        let ready = outcome.mismatchedCalls == 0 ? k : (outcome.firstWrongReady ?? -1)
        return ReadinessMeasurement(
            method: m, fds: set.count, active: k,
            outcome: .measured(nsPerCall: outcome.nsPerCall, ready: ready, mismatchedCalls: Int(outcome.mismatchedCalls)))
    }
}
