/// One turn at a time per session within this process, so concurrent turns on one session queue
/// here instead of racing in the store; races between instances are still settled by the store's
/// compare-and-swap.
actor SessionLocks {
    private var held: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    func acquire(_ id: String) async {
        guard held.contains(id) else {
            held.insert(id)
            return
        }
        await withCheckedContinuation { waiting[id, default: []].append($0) }
    }

    func release(_ id: String) {
        guard var queue = waiting[id], !queue.isEmpty else {
            held.remove(id)
            return
        }
        // Hand the lock straight to the next waiter, so nobody can jump the queue.
        let next = queue.removeFirst()
        waiting[id] = queue.isEmpty ? nil : queue
        next.resume()
    }
}
