import Synchronization

/// One turn at a time per session within this process, so concurrent turns on one session queue
/// here instead of racing in the store; races between instances are still settled by the store's
/// compare-and-swap.
///
/// A lock, not an actor: a free session is taken and released without suspending (nearly every
/// turn), so a turn does not hop to another executor twice or start a task to release it.
final class SessionLocks: Sendable {
    private struct State {
        var held: Set<String> = []
        var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    }

    private let state = Mutex(State())

    /// Takes the lock of session `id`, waiting in line while another turn holds it.
    func acquire(_ id: String) async {
        let taken = state.withLock { $0.held.insert(id).inserted }
        if taken { return }
        await withCheckedContinuation { continuation in
            // Released between the two steps: take it now rather than wait for nobody.
            let resumeNow = state.withLock { state in
                if state.held.insert(id).inserted { return true }
                state.waiting[id, default: []].append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Releases the lock of session `id`, handing it straight to the next waiter, so nobody can
    /// jump the queue.
    func release(_ id: String) {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard var queue = state.waiting[id], !queue.isEmpty else {
                state.held.remove(id)
                return nil
            }
            let next = queue.removeFirst()
            state.waiting[id] = queue.isEmpty ? nil : queue
            return next
        }
        next?.resume()
    }

    /// How many turns wait for session `id` (for tests).
    func waitingCount(_ id: String) -> Int {
        state.withLock { $0.waiting[id]?.count ?? 0 }
    }
}
