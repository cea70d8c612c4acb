import Foundation
import Synchronization
import Testing
@testable import SecondOpinionServer

/// `/readyz`'s probe gives up at its limit even when the store's ping never returns and ignores
/// cancellation, and does not start a second ping while one is still waiting.
@Suite(.timeLimit(.minutes(1))) struct StoreProbeTests {
    /// A memory store whose ping waits until the test releases it, whatever cancellation says.
    final class SilentStore: SessionStore {
        let memory = MemorySessionStore()
        let pings = Mutex(0)
        let silent = Mutex(true)
        let waiting = Mutex<[CheckedContinuation<Void, Never>]>([])

        func create(_ session: StoredSession) async throws { try await memory.create(session) }
        func load(id: String) async throws -> StoredSession? { await memory.load(id: id) }
        func update(_ session: StoredSession, expectedRevision: Int) async throws { try await memory.update(session, expectedRevision: expectedRevision) }
        func delete(id: String) async throws -> Bool { await memory.delete(id: id) }
        func deleteIdle(before cutoff: Date) async throws -> Int { await memory.deleteIdle(before: cutoff) }
        func count() async throws -> Int { await memory.count() }
        func ping() async throws {
            pings.withLock { $0 += 1 }
            await withCheckedContinuation { continuation in
                let wait = silent.withLock { silent in
                    if silent { waiting.withLock { $0.append(continuation) } }
                    return silent
                }
                if !wait { continuation.resume() }
            }
        }

        /// Answers the pings waiting now, and every later one at once.
        func wakeUp() {
            let waiters = silent.withLock { silent in
                silent = false
                return waiting.withLock { list in defer { list = [] }; return list }
            }
            for continuation in waiters { continuation.resume() }
        }
    }

    @Test func aSilentStoreIsNotReadyAtTheLimitAndOnePingWaitsAtATime() async throws {
        let store = SilentStore()
        let probe = StoreProbe(store: store)
        #expect(await probe.answers(within: .milliseconds(100)) == false)
        #expect(await probe.answers(within: .milliseconds(100)) == false)
        #expect(store.pings.withLock { $0 } == 1)
        store.wakeUp()
        // The ping that waited answers, so the store is ready again.
        #expect(await probe.answers(within: .seconds(30)))
    }

    @Test func aStoreThatAnswersIsReady() async throws {
        #expect(await StoreProbe(store: MemorySessionStore()).answers(within: .seconds(30)))
    }
}
