import Foundation
import GRDB
import Synchronization

/// Commits turns that arrive together in one transaction (group commit). While the writer
/// commits one batch, the next updates wait in a queue; the writer then takes them all at once.
/// A transaction per turn wrote the changed pages (the row, the `updated_at` index) to the WAL
/// once per turn; a batch writes each page once. An update arriving when the writer is idle is
/// committed at once, so a lone turn waits for nothing.
///
/// Every update keeps its own compare-and-swap: a conflict or a missing session fails only that
/// update, and two updates of one revision in one batch apply once (the second sees the first's
/// revision). An error of the database itself rolls the batch back and fails all of it.
///
/// The batch is committed by a task of its own, so a turn whose request is cancelled while it
/// waits still has its write committed or refused as usual; it is never half applied.
final class SQLiteGroupCommit: Sendable {
    private struct Update: Sendable {
        var session: StoredSession
        var expectedRevision: Int
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct Queue {
        var waiting: [Update] = []
        /// A task is committing batches; new updates join the queue instead of starting another.
        var committing = false
    }

    /// Most updates in one transaction, so that no batch holds the writer for long.
    static let largestBatch = 64

    private let pool: DatabasePool
    private let checkpointer: SQLiteCheckpointer
    private let queue = Mutex(Queue())

    init(pool: DatabasePool, checkpointer: SQLiteCheckpointer) {
        self.pool = pool
        self.checkpointer = checkpointer
    }

    /// Stores `session` when its stored revision is still `expectedRevision`, in the next batch.
    func update(_ session: StoredSession, expectedRevision: Int) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let startsCommitting = queue.withLock { queue in
                queue.waiting.append(Update(session: session, expectedRevision: expectedRevision, continuation: continuation))
                guard !queue.committing else { return false }
                queue.committing = true
                return true
            }
            if startsCommitting { Task { await self.commitWaiting() } }
        }
    }

    /// Commits batches until nothing waits.
    private func commitWaiting() async {
        while let batch = nextBatch() {
            do {
                let outcomes = try await pool.write { db in try batch.map { try Self.apply($0, in: db) } }
                checkpointer.noteWrites(outcomes.count { (try? $0.get()) != nil })
                for (update, outcome) in zip(batch, outcomes) { update.continuation.resume(with: outcome.mapError { $0 as any Error }) }
            } catch {
                for update in batch { update.continuation.resume(throwing: error) }
            }
        }
    }

    /// The next updates to commit, or nil (and no longer committing) when none wait.
    private func nextBatch() -> [Update]? {
        queue.withLock { queue in
            guard !queue.waiting.isEmpty else {
                queue.committing = false
                return nil
            }
            let count = min(queue.waiting.count, Self.largestBatch)
            let batch = Array(queue.waiting.prefix(count))
            queue.waiting.removeFirst(count)
            return batch
        }
    }

    private static func apply(_ update: Update, in db: Database) throws -> Result<Void, SessionStoreError> {
        let session = update.session
        try db.cachedStatement(sql: "UPDATE session SET token_hash = ?, revision = ?, state = ?, updated_at = ? WHERE id = ? AND revision = ?")
            .execute(arguments: [session.tokenHash, session.revision, session.state, session.updatedAt.timeIntervalSince1970, session.id,
                                 update.expectedRevision])
        guard db.changesCount == 0 else { return .success(()) }
        let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM session WHERE id = ?)"), arguments: [session.id]) ?? false
        return .failure(exists ? .conflict : .notFound)
    }
}
