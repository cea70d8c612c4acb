import Foundation
import Logging
import Prometheus
import ServiceLifecycle

/// Deletes sessions idle longer than the limit, every `interval`, until graceful shutdown.
struct SessionExpiry: Service {
    let store: any SessionStore
    let idleLimit: Duration
    let interval: Duration
    let metrics: ServerMetrics
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                // Sleep first: at start-up the store may still be migrating.
                while true {
                    try await Task.sleep(for: interval)
                    await sweep()
                }
            }
        } catch is CancellationError {
            return
        }
    }

    /// One pass: delete idle sessions and update the active-sessions gauge.
    func sweep() async {
        let seconds = Double(idleLimit.components.seconds) + Double(idleLimit.components.attoseconds) / 1e18
        do {
            let deleted = try await store.deleteIdle(before: Date().addingTimeInterval(-seconds))
            if deleted > 0 { logger.info("expired idle sessions", metadata: ["count": "\(deleted)"]) }
            metrics.activeSessions.set(to: Double(try await store.count()))
        } catch {
            logger.warning("session expiry failed", metadata: ["error.type": "\(type(of: error))"])
        }
    }
}
