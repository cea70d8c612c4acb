import Foundation

/// The `X-Chatwoot-Delivery` ids seen recently, so a delivery that arrives twice is acted on once.
///
/// An id is remembered until its signed timestamp is older than the tolerance: after that the
/// timestamp check refuses the delivery anyway, so a longer memory would protect nothing.
/// Memory is per server instance; a repeat that reaches another instance is still applied once,
/// because every message goes into its session under an idempotency key (its message id).
actor ChatwootDeliveries {
    private let tolerance: TimeInterval
    private var seen: [String: Date] = [:]
    private var sizeAfterPrune = 0

    init(tolerance: Duration) {
        self.tolerance = TimeInterval(tolerance.components.seconds)
    }

    /// Whether `id` is new; records it. `sent` is the delivery's signed time.
    func isFirst(_ id: String, sent: Date, now: Date) -> Bool {
        if let forgetAt = seen[id], forgetAt >= now { return false }
        seen[id] = sent.addingTimeInterval(tolerance)
        if seen.count > max(1_000, sizeAfterPrune * 2) {
            seen = seen.filter { $0.value >= now }
            sizeAfterPrune = seen.count
        }
        return true
    }
}
