import ServiceLifecycle

/// The adapter's work after the webhook has been answered: one job at a time per conversation,
/// in the order the webhooks arrived, conversations in parallel. As a service it waits, on
/// graceful shutdown, until every queued job is done; the HTTP server stops before it, so no new
/// jobs come in meanwhile.
public actor ChatwootWorkQueue: Service {
    private var tails: [String: (ticket: Int, task: Task<Void, Never>)] = [:]
    private var nextTicket = 0
    private var pending = 0
    private var idle: [CheckedContinuation<Void, Never>] = []

    /// An empty queue.
    public init() {}

    /// Runs `job` after the jobs queued before it under the same `key`.
    func enqueue(_ key: String, _ job: @escaping @Sendable () async -> Void) {
        let previous = tails[key]?.task
        nextTicket += 1
        let ticket = nextTicket
        pending += 1
        let task = Task {
            await previous?.value
            await job()
            self.finished(key, ticket: ticket)
        }
        tails[key] = (ticket, task)
    }

    /// Returns when no job is queued or running.
    public func drain() async {
        guard pending > 0 else { return }
        await withCheckedContinuation { idle.append($0) }
    }

    /// Waits for graceful shutdown, then for the queued jobs; returns at once when cancelled.
    public func run() async throws {
        do { try await gracefulShutdown() } catch { return }
        await drain()
    }

    private func finished(_ key: String, ticket: Int) {
        if tails[key]?.ticket == ticket { tails[key] = nil }
        pending -= 1
        guard pending == 0 else { return }
        let waiting = idle
        idle = []
        for continuation in waiting { continuation.resume() }
    }
}
