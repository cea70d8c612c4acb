import Foundation

/// Token buckets by key (a client address, a session): each allows `burst` requests at once and
/// refills at `perSecond`. A request over the limit learns how long to wait.
actor RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let limit: RateLimit
    private var buckets: [String: Bucket] = [:]
    private let clock = ContinuousClock()
    private var checksSincePrune = 0

    init(_ limit: RateLimit) {
        self.limit = limit
    }

    /// Takes one token for `key`: nil when allowed, else the whole seconds to wait.
    func take(_ key: String) -> Int? {
        let now = clock.now
        var bucket = buckets[key] ?? Bucket(tokens: limit.burst, updated: now)
        let elapsed = Double((now - bucket.updated).components.attoseconds) / 1e18 + Double((now - bucket.updated).components.seconds)
        bucket.tokens = min(limit.burst, bucket.tokens + elapsed * limit.perSecond)
        bucket.updated = now
        defer { prune(now) }
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            return max(1, Int(((1 - bucket.tokens) / limit.perSecond).rounded(.up)))
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        return nil
    }

    /// Drops buckets that have refilled, now and then, so memory follows the active clients.
    private func prune(_ now: ContinuousClock.Instant) {
        checksSincePrune += 1
        guard checksSincePrune >= 10_000 else { return }
        checksSincePrune = 0
        let refill = Duration.seconds(limit.burst / limit.perSecond)
        buckets = buckets.filter { now - $0.value.updated < refill }
    }
}
