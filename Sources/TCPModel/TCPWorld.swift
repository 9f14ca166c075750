/// Two hosts and the network between them: the whole model as one value, so undo is just
/// keeping earlier values.
public struct TCPWorld: Equatable, Sendable {
    public private(set) var client = Endpoint()
    public private(set) var server = Endpoint()
    /// Segments in flight toward each host, oldest first. The network keeps order per
    /// direction: `deliver` and `drop` act on the oldest.
    public private(set) var toClient: [Segment] = []
    public private(set) var toServer: [Segment] = []
    /// Every segment ever sent, in sending order, with its fate.
    public private(set) var segments: [SegmentRecord] = []
    /// Every event fired so far.
    public private(set) var steps: [StepRecord] = []
    public let seed: UInt64
    private var generator: SeededGenerator

    public init(seed: UInt64) {
        self.seed = seed
        generator = SeededGenerator(seed: seed)
    }

    public subscript(host: Host) -> Endpoint {
        get { host == .client ? client : server }
        set { if host == .client { client = newValue } else { server = newValue } }
    }

    public func state(of host: Host) -> TCPState { self[host].state }

    public func inFlight(toward host: Host) -> [Segment] {
        host == .client ? toClient : toServer
    }

    public func record(of id: Int) -> SegmentRecord? {
        id >= 1 && id <= segments.count ? segments[id - 1] : nil
    }

    public var lastStep: StepRecord? { steps.last }

    /// The events that would do something now: calls the RFC accepts in the current state,
    /// deliver/drop where a segment is in flight, timeouts where a timer runs.
    public func validEvents() -> [TCPEvent] {
        TCPEvent.all.filter { event in
            switch event {
            case .deliver(let h), .drop(let h): return !inFlight(toward: h).isEmpty
            case .timeout(let h): return self[h].hasRunningTimer
            case .call(let h, let call):
                var probe = self[h]
                var g = generator
                return probe.perform(call, generator: &g).error == nil
            }
        }
    }

    /// Applies one event and returns its record (also appended to `steps`).
    @discardableResult
    public mutating func apply(_ event: TCPEvent) -> StepRecord {
        let before = [Host.client: client.state, .server: server.state]
        var reaction: Endpoint.Reaction
        var lead: [String] = []
        let host = event.host
        switch event {
        case .call(_, let call):
            var endpoint = self[host]
            reaction = endpoint.perform(call, generator: &generator)
            if reaction.error == nil { self[host] = endpoint }
        case .deliver, .drop:
            var queue = inFlight(toward: host)
            guard !queue.isEmpty else {
                reaction = .init(notes: ["Nothing is in flight toward the \(host.name)."], error: "nothing in flight toward \(host.name)")
                break
            }
            let segment = queue.removeFirst()
            setInFlight(queue, toward: host)
            if case .drop = event {
                segments[segment.id - 1].fate = .dropped(step: steps.count + 1)
                reaction = .init(notes: ["The network loses \(segment.summary) on its way to the \(host.name); nobody is told. Only a retransmission timeout can repair the loss (§3.8.1)."])
            } else {
                segments[segment.id - 1].fate = .delivered(step: steps.count + 1)
                lead.append("\(segment.summary) arrives at the \(host.name) in \(self[host].state.rfcName).")
                var endpoint = self[host]
                reaction = endpoint.receive(segment, generator: &generator)
                self[host] = endpoint
            }
        case .timeout:
            var endpoint = self[host]
            reaction = endpoint.timeout()
            if reaction.error == nil { self[host] = endpoint }
        }

        var ids: [Int] = []
        for var segment in reaction.sent {
            segment.id = segments.count + 1
            segments.append(SegmentRecord(segment: segment, from: host, step: steps.count + 1, fate: .inFlight))
            ids.append(segment.id)
            setInFlight(inFlight(toward: host.peer) + [segment], toward: host.peer)
        }
        var explanation = lead + reaction.notes
        if let error = reaction.error {
            explanation.append("Nothing changes.")
            explanation[0] = "\(event.scriptLine): error: \(error). " + explanation[0]
        } else if before[host] != self[host].state {
            explanation.append("The \(host.name) is now \(self[host].state.rfcName).")
        }
        let record = StepRecord(
            number: steps.count + 1, event: event, error: reaction.error, explanation: explanation,
            before: before, after: [.client: client.state, .server: server.state], sent: ids)
        steps.append(record)
        return record
    }

    private mutating func setInFlight(_ queue: [Segment], toward host: Host) {
        if host == .client { toClient = queue } else { toServer = queue }
    }
}
