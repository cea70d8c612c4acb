import DialogEngine
import Foundation

/// What the Chatwoot adapter needs beyond the HTTP API's operations: sessions whose id and token
/// it derives itself (``ChatwootSessionKeys``), read without a token.
extension ConversationService {
    /// The latest state of a session the adapter owns, or nil when there is none.
    struct Snapshot: Sendable {
        var revision: Int
        var turn: Turn
    }

    /// Starts a conversation under the given id and token; nil when that session exists already.
    func startSession(id: String, token: String, language: String?) async throws(APIError) -> Snapshot? {
        let language = language.flatMap { engine.bundle.languages.contains($0) ? $0 : nil }
        let (session, turn) = engine.start(language: language, at: now())
        let state = SessionState(saved: SavedSession(session, engine: engine), turn: turn, replies: [])
        let data: Data
        do { data = try state.encoded() } catch { throw APIError(.internalError, "The session could not be saved; try again.") }
        let record = StoredSession(id: id, tokenHash: SessionToken.hash(token), revision: 1, state: data, updatedAt: now())
        do {
            try await store.create(record)
        } catch SessionStoreError.conflict {
            return nil
        } catch {
            throw APIError(.storeUnavailable, "The session store is not answering; try again shortly.")
        }
        return Snapshot(revision: 1, turn: turn)
    }

    /// The session's revision and latest turn, or nil when it does not exist.
    func snapshot(id: String) async throws(APIError) -> Snapshot? {
        let record: StoredSession?
        do { record = try await store.load(id: id) } catch {
            throw APIError(.storeUnavailable, "The session store is not answering; try again shortly.")
        }
        guard let record else { return nil }
        do {
            let state = try SessionState.decode(record.state)
            return Snapshot(revision: record.revision, turn: state.turn)
        } catch {
            throw APIError(.internalError, "The stored session cannot be read; start a new session.")
        }
    }
}
