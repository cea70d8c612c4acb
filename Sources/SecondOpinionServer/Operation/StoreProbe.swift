import Synchronization

/// Asks the session store whether it answers, for `/readyz`, and gives up after a time limit
/// even when the store's ping ignores cancellation (a connection that accepted and then went
/// silent). One ping at a time: while one is still waiting, later probes wait for that one
/// instead of piling up more.
final class StoreProbe: Sendable {
    private let store: any SessionStore
    private let inFlight = Mutex<Task<Bool, Never>?>(nil)

    init(store: any SessionStore) {
        self.store = store
    }

    /// Whether the store answered its ping within `limit`.
    func answers(within limit: Duration) async -> Bool {
        let ping = inFlight.withLock { current in
            if let current { return current }
            let task = Task { [store] in
                let answered = (try? await store.ping()) != nil
                // Under the lock, so this runs only after the task was recorded as in flight.
                self.inFlight.withLock { $0 = nil }
                return answered
            }
            current = task
            return task
        }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let once = ResumeOnce(continuation)
            Task { once.resume(await ping.value) }
            Task {
                try? await Task.sleep(for: limit)
                once.resume(false)
            }
        }
    }
}

/// A continuation that the first of several racing tasks resumes; the others are ignored.
private final class ResumeOnce: Sendable {
    private let continuation: Mutex<CheckedContinuation<Bool, Never>?>

    init(_ continuation: CheckedContinuation<Bool, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ value: Bool) {
        continuation.withLock { $0.take() }?.resume(returning: value)
    }
}
