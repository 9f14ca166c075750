/// Something that measures a plan and reports as it goes. The screen and its tests only
/// see this protocol, so they run with fixed fake results and no descriptors.
public protocol IOMuxProbe: Sendable {
    /// Runs the plan on the calling thread, delivering events in order and ending with
    /// exactly one of `.finished`, `.cancelled` or `.failed`. Must leave no descriptor
    /// open when it returns, whichever way it ends.
    func run(_ plan: MeasurementPlan, isCancelled: () -> Bool, deliver: (ProbeEvent) -> Void)
}
