import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import SecondOpinionServer

/// SIGTERM while a turn is being applied: the server stops taking work, but the turn finishes,
/// is stored, and its answer reaches the person.
@Suite struct GracefulShutdownTests {
    @Test func aTurnInFlightWhenShutdownStartsIsAnsweredAndStored() async throws {
        let store = HeldUpdateStore()
        // Below Linux's ephemeral ports (32768 and up), so no client socket holds it.
        let port = Int.random(in: 20_000...32_000)
        let configuration = TestServer.configuration { $0.port = port }
        let app = SecondOpinionServer.makeApplication(.init(engine: TestServer.engine, store: store, configuration: configuration,
                                                            planMarkdown: TestServer.planMarkdown, logger: TestServer.quietLogger))
        let group = ServiceGroup(services: [app], logger: TestServer.quietLogger)
        let base = "http://127.0.0.1:\(port)"

        let stopped = Flag()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                try await group.run()
                stopped.set()
            }
            // Polled, not timed: up to 30 s for the server to listen on a busy machine.
            var ready = false
            for _ in 0..<300 where !ready {
                try await Task.sleep(for: .milliseconds(100))
                let probe = try? await URLSession.shared.data(from: URL(string: "\(base)/readyz")!)
                ready = (probe?.1 as? HTTPURLResponse)?.statusCode == 200
            }
            try #require(ready)

            var create = URLRequest(url: URL(string: "\(base)/v1/sessions")!)
            create.httpMethod = "POST"
            create.setValue("application/json", forHTTPHeaderField: "Content-Type")
            create.httpBody = Data(#"{"language":"en"}"#.utf8)
            let (createdData, _) = try await URLSession.shared.data(for: create)
            let created = try #require(try JSONSerialization.jsonObject(with: createdData) as? [String: Any])
            let id = try #require(created["sessionId"] as? String)
            let token = try #require(created["token"] as? String)

            var turn = URLRequest(url: URL(string: "\(base)/v1/sessions/\(id)/turns")!)
            turn.httpMethod = "POST"
            turn.setValue("application/json", forHTTPHeaderField: "Content-Type")
            turn.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            turn.httpBody = Data(#"{"text":"who pays for a second opinion?"}"#.utf8)
            store.holdNextUpdate()
            let request = turn
            let answer = Task { try await URLSession.shared.data(for: request) }

            // The turn is being stored when the shutdown starts (polled: up to 30 s).
            var held = false
            for _ in 0..<300 where !held {
                held = store.isHeld
                if !held { try await Task.sleep(for: .milliseconds(100)) }
            }
            try #require(held, "the turn never reached the store")
            await group.triggerGracefulShutdown()
            try await Task.sleep(for: .milliseconds(200))
            // The server waits for the turn instead of stopping under it.
            #expect(!stopped.isSet)
            store.release()

            let (data, response) = try await answer.value
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(body["revision"] as? Int == 2)
            #expect((body["turn"] as? [String: Any])?["node"] as? String == "ask_insurance")
            try await tasks.next()
            #expect(stopped.isSet)
            #expect(try await store.load(id: id)?.revision == 2)
        }
    }
}

/// Set once, read from any task.
final class Flag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

/// A memory store whose next update waits until the test releases it.
final class HeldUpdateStore: SessionStore {
    private let inner = MemorySessionStore()
    private let state = Mutex<(holdNext: Bool, held: Bool)>((false, false))
    private let (releaseSignal, releaseSink) = AsyncStream<Void>.makeStream()

    func holdNextUpdate() { state.withLock { $0.holdNext = true } }
    /// Whether an update is waiting for ``release()``.
    var isHeld: Bool { state.withLock { $0.held } }
    func release() { releaseSink.yield() }

    func create(_ session: StoredSession) async throws { try await inner.create(session) }
    func load(id: String) async throws -> StoredSession? { await inner.load(id: id) }

    func update(_ session: StoredSession, expectedRevision: Int) async throws {
        let holds = state.withLock { state in
            defer { state.holdNext = false }
            return state.holdNext
        }
        if holds {
            state.withLock { $0.held = true }
            for await _ in releaseSignal { break }
        }
        try await inner.update(session, expectedRevision: expectedRevision)
    }

    func delete(id: String) async throws -> Bool { await inner.delete(id: id) }
    func deleteIdle(before cutoff: Date) async throws -> Int { await inner.deleteIdle(before: cutoff) }
    func count() async throws -> Int { await inner.count() }
    func ping() async throws {}
}
