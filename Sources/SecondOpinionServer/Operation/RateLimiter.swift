import Foundation
import Synchronization

/// Token buckets by key (a client address, a session): each allows `burst` requests at once and
/// refills at `perSecond`. A request over the limit learns how long to wait.
///
/// A lock, not an actor: every request takes a token, and the check is a few arithmetic steps,
/// shorter than a hop to an actor's executor and back.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private struct Buckets {
        var byKey: [String: Bucket] = [:]
        var checksSincePrune = 0
    }

    private let limit: RateLimit
    private let buckets = Mutex(Buckets())
    private let clock = ContinuousClock()

    init(_ limit: RateLimit) {
        self.limit = limit
    }

    /// Takes one token for `key`: nil when allowed, else the whole seconds to wait.
    func take(_ key: String) -> Int? {
        buckets.withLock { buckets in
            // Read under the lock, so no bucket ever sees time go backwards.
            let now = clock.now
            var bucket = buckets.byKey[key] ?? Bucket(tokens: limit.burst, updated: now)
            let elapsed = Double((now - bucket.updated).components.attoseconds) / 1e18 + Double((now - bucket.updated).components.seconds)
            bucket.tokens = min(limit.burst, bucket.tokens + elapsed * limit.perSecond)
            bucket.updated = now
            defer { prune(&buckets, now: now) }
            guard bucket.tokens >= 1 else {
                buckets.byKey[key] = bucket
                return max(1, Int(((1 - bucket.tokens) / limit.perSecond).rounded(.up)))
            }
            bucket.tokens -= 1
            buckets.byKey[key] = bucket
            return nil
        }
    }

    /// Drops buckets that have refilled, now and then, so memory follows the active clients.
    private func prune(_ buckets: inout Buckets, now: ContinuousClock.Instant) {
        buckets.checksSincePrune += 1
        guard buckets.checksSincePrune >= 10_000 else { return }
        buckets.checksSincePrune = 0
        let refill = Duration.seconds(limit.burst / limit.perSecond)
        buckets.byKey = buckets.byKey.filter { now - $0.value.updated < refill }
    }
}
