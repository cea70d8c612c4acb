import DialogEngine
import Foundation
import Logging

/// The API's logic between the routes and the store: starts conversations, applies turns with
/// compare-and-swap on the revision, replays idempotent requests and checks tokens. It holds
/// the engine and a store and knows nothing about HTTP.
public struct ConversationService: Sendable {
    let engine: DialogEngine
    let store: any SessionStore
    let metrics: ServerMetrics
    let apiKeyHashes: [Data]
    let locks = SessionLocks()
    let decoded = DecodedSessionCache()
    let now: @Sendable () -> Date
    /// Whether handoff summaries include the person's own typed text (the operator's choice).
    var summaryIncludesTypedText = false

    /// A started conversation.
    public struct Created: Sendable {
        public var sessionID: String
        public var token: String
        public var revision: Int
        public var turn: Turn
    }

    /// The answer to a turn, or to a read of the latest turn.
    public struct Answer: Sendable {
        public var revision: Int
        public var turn: Turn
        /// Whether this is the stored answer to an idempotency key seen before: nothing was
        /// applied now, and whoever applied it first has passed the answer on already.
        public var replayed = false
    }

    /// A handoff: the turn that handed the person to a human, and the summary for whoever takes over.
    public struct Handoff: Sendable {
        public var revision: Int
        public var turn: Turn
        public var summary: HandoffSummary
        /// The summary as Markdown, in the conversation's language.
        public var markdown: String
    }

    /// Who is asking: a session's bearer token or a server-to-server API key (either may be nil).
    public struct Credentials: Sendable {
        public var bearer: String?
        public var apiKey: String?
    }

    /// Starts a conversation in `language` (the bundle's default when nil).
    func create(language: String?, credentials: Credentials) async throws(APIError) -> Created {
        if let key = credentials.apiKey { try checkAPIKey(key) }
        if let language, !engine.bundle.languages.contains(language) {
            throw unsupported(language, at: "$.language")
        }
        let (session, turn) = engine.start(language: language, at: now())
        let token = SessionToken.make()
        let id = SessionToken.makeSessionID()
        let state = SessionState(saved: SavedSession(session, engine: engine), turn: turn, replies: [])
        let record = StoredSession(id: id, tokenHash: SessionToken.hash(token), revision: 1, state: try encode(state), updatedAt: now())
        try await storeCall { try await store.create(record) }
        decoded.remember(state, record: record)
        return Created(sessionID: id, token: token, revision: 1, turn: turn)
    }

    /// Applies one input. Without `ifMatch`, a turn that loses a race is applied again on the
    /// newer state; with it, a stale revision is a `409` and nothing is applied. `admit` runs
    /// once, after the credentials are checked and before anything is applied (the per-session
    /// rate limit: a caller without the token cannot use up the session's turns).
    func turn(
        id: String, input: TurnInput, credentials: Credentials, ifMatch: Int?, idempotency: (key: String, requestHash: String)?,
        admit: () throws(APIError) -> Void = {}
    ) async throws(APIError) -> Answer {
        // A request without the token is refused before it queues behind the session's turns,
        // when this instance can tell (it holds the session's record; the token hash never changes).
        try checkPresent(credentials)
        var checkedHash: Data?
        if let (record, _) = decoded.latest(for: id) {
            try checkToken(credentials, of: record)
            checkedHash = record.tokenHash
        }
        await locks.acquire(id)
        defer { locks.release(id) }
        for attempt in 0..<Self.maximumAttempts {
            switch try await attemptTurn(id: id, input: input, credentials: credentials, ifMatch: ifMatch, idempotency: idempotency,
                                         recentFirst: attempt == 0, checkedHash: checkedHash, admit: attempt == 0 ? admit : {}) {
            case .answered(let answer): return answer
            case .readAgain: continue
            case .backOff: try? await Task.sleep(for: .milliseconds(Int.random(in: 1...4)))
            }
        }
        throw APIError(.busy, "The session is changing too fast to apply this turn; send it again.")
    }

    /// How one attempt at a turn ended.
    private enum Attempt {
        case answered(Answer)
        /// Started from this instance's copy, which was behind the store: read the store now.
        case readAgain
        /// Another writer came first: wait a moment, read the store and apply again.
        case backOff
    }

    /// One attempt at a turn. The first starts from what this instance last wrote, without
    /// reading the store: if another instance wrote since, the compare-and-swap fails and the
    /// next attempt reads the store.
    // Not inlined: Swift 6.3.1's optimizer crashes (signal 11 while splitting the coroutine) when
    // this is inlined into `turn` in a release build.
    @inline(never)
    private func attemptTurn(
        id: String, input: TurnInput, credentials: Credentials, ifMatch: Int?, idempotency: (key: String, requestHash: String)?,
        recentFirst: Bool, checkedHash: Data?, admit: () throws(APIError) -> Void
    ) async throws(APIError) -> Attempt {
        let (record, stored, recent) = try await startingPoint(id: id, credentials: credentials, recentFirst: recentFirst,
                                                               checkedHash: checkedHash)
        try admit()
        var state = stored
        if let reply = idempotency.flatMap({ request in state.replies.first { $0.key == request.key } }) {
            // A replay is answered only from what the store holds: this copy may outlive the
            // session (deleted or expired through another instance).
            if recent { return .readAgain }
            guard reply.requestHash == idempotency?.requestHash else {
                throw APIError(.idempotencyKeyReused, "This Idempotency-Key was used for a request that asked something else; use a new key for a new request.",
                               at: "Idempotency-Key")
            }
            return .answered(Answer(revision: reply.revision, turn: reply.turn, replayed: true))
        }
        if let ifMatch, ifMatch != record.revision {
            // The store decides. Only a client ahead of this copy shows the copy is behind; a
            // client behind it is stale itself, and the store's revision goes in the 409.
            if recent { return ifMatch > record.revision ? readAgain(id) : .readAgain }
            throw mismatch(ifMatch, current: record.revision)
        }
        var session = try restore(state.saved)
        let turn: Turn
        do {
            turn = try apply(input, to: &session, current: state.turn)
        } catch where recent && error.code == .unknownChoice {
            // Checked against this instance's copy, which may be behind (a choice of a question
            // another instance has asked since): the store's state decides.
            return .readAgain
        }
        state.saved = SavedSession(session, engine: engine)
        state.turn = turn
        if let idempotency {
            state.remember(.init(key: idempotency.key, requestHash: idempotency.requestHash, revision: record.revision + 1, turn: turn))
        }
        if let revision = try await write(state, over: record) { return .answered(Answer(revision: revision, turn: turn)) }
        // Lost to another write: a copy that was behind is read again (to say which revision it
        // is now at); otherwise If-Match was stale.
        if recent { return readAgain(id) }
        if let ifMatch { throw mismatch(ifMatch, current: nil) }
        return .backOff
    }

    /// Another instance writes this session too: its later turns here read the store first, so
    /// they do not apply the turn twice (once on the old copy, once on the stored state).
    private func readAgain(_ id: String) -> Attempt {
        decoded.markBehind(id)
        return .readAgain
    }

    /// Hands the conversation to a human and returns the summary. When the latest turn already
    /// handed off, nothing is applied and its reason is summarised again; otherwise a handoff with
    /// reason `requested` is recorded as a new turn. `admit` runs once, after the credentials
    /// are checked. Callable in process (the Chatwoot adapter).
    func handoff(id: String, credentials: Credentials, admit: () throws(APIError) -> Void = {}) async throws(APIError) -> Handoff {
        await locks.acquire(id)
        defer { locks.release(id) }
        for attempt in 0..<Self.maximumAttempts {
            let (record, stored) = try await authorized(id: id, credentials: credentials)
            if attempt == 0 { try admit() }
            var state = stored
            var session = try restore(state.saved)
            if let done = state.turn.handoff {
                return makeHandoff(revision: record.revision, turn: state.turn, session: session, reason: done.reason)
            }
            let turn = engine.handOff(&session)
            state.saved = SavedSession(session, engine: engine)
            state.turn = turn
            if let revision = try await write(state, over: record) {
                return makeHandoff(revision: revision, turn: turn, session: session, reason: .requested)
            }
            try? await Task.sleep(for: .milliseconds(Int.random(in: 1...4)))
        }
        throw APIError(.busy, "The session is changing too fast to hand it off; send the request again.")
    }

    /// Stores `state` as the revision after `record`'s, with compare-and-swap on the revision.
    /// Returns the new revision, or nil when another writer got there first (read again and retry).
    private func write(_ state: SessionState, over record: StoredSession) async throws(APIError) -> Int? {
        var next = record
        next.revision += 1
        next.state = try encode(state)
        next.updatedAt = now()
        do {
            try await store.update(next, expectedRevision: record.revision)
        } catch SessionStoreError.conflict {
            return nil
        } catch SessionStoreError.notFound {
            throw notFound(record.id)
        } catch {
            throw storeFailure(error)
        }
        decoded.remember(state, record: next)
        return next.revision
    }

    private func makeHandoff(revision: Int, turn: Turn, session: DialogSession, reason: Turn.Handoff.Reason) -> Handoff {
        let options = HandoffSummary.Options(includeTypedText: summaryIncludesTypedText, now: now())
        let summary = engine.handoffSummary(for: session, reason: reason, options: options)
        return Handoff(revision: revision, turn: turn, summary: summary, markdown: summary.markdown(pack: engine.bundle.languagePack(for: summary.language)))
    }

    /// The latest turn, as it was returned.
    func current(id: String, credentials: Credentials) async throws(APIError) -> Answer {
        let (record, state) = try await authorized(id: id, credentials: credentials)
        return Answer(revision: record.revision, turn: state.turn)
    }

    /// The person's plan and the language it is in.
    func plan(id: String, credentials: Credentials) async throws(APIError) -> (revision: Int, language: String, plan: [PlanEntry]) {
        let (record, state) = try await authorized(id: id, credentials: credentials)
        let session = try restore(state.saved)
        return (record.revision, session.language, engine.plan(of: session))
    }

    /// Deletes the session and everything stored about it.
    func delete(id: String, credentials: Credentials) async throws(APIError) {
        _ = try await authorized(id: id, credentials: credentials)
        let deleted = try await storeCall { try await store.delete(id: id) }
        decoded.forget(id)
        if !deleted { throw notFound(id) }
    }

    static let maximumAttempts = 100

    // MARK: - Steps

    private func authorized(id: String, credentials: Credentials) async throws(APIError) -> (StoredSession, SessionState) {
        try checkPresent(credentials)
        guard SessionToken.isWellFormedSessionID(id), let record = try await storeCall({ try await store.load(id: id) }) else {
            throw notFound(id)
        }
        try checkToken(credentials, of: record)
        if let state = decoded.state(for: id, bytes: record.state) { return (record, state) }
        do {
            let state = try SessionState.decode(record.state)
            decoded.remember(state, record: record)
            return (record, state)
        } catch {
            throw APIError(.internalError, "The stored session cannot be read; start a new session.")
        }
    }

    /// Where a turn starts: with `recentFirst`, the session as this instance last wrote or read
    /// it, which may be behind the store (`recent` is then true); otherwise, or when this
    /// instance has not seen it lately, the session as stored. The token is checked against the
    /// record, unless it was checked already against this same hash (`checkedHash`).
    private func startingPoint(id: String, credentials: Credentials, recentFirst: Bool, checkedHash: Data?) async throws(APIError)
        -> (record: StoredSession, state: SessionState, recent: Bool) {
        if recentFirst, let (record, state) = decoded.latest(for: id) {
            try checkPresent(credentials)
            if record.tokenHash != checkedHash { try checkToken(credentials, of: record) }
            return (record, state, true)
        }
        let (record, state) = try await authorized(id: id, credentials: credentials)
        return (record, state, false)
    }

    private func checkPresent(_ credentials: Credentials) throws(APIError) {
        if let key = credentials.apiKey {
            try checkAPIKey(key)
        } else if credentials.bearer == nil {
            throw APIError(.unauthorized, "Send the session's token as 'Authorization: Bearer <token>', or an API key as 'X-API-Key'.",
                           at: "Authorization")
        }
    }

    private func checkToken(_ credentials: Credentials, of record: StoredSession) throws(APIError) {
        if credentials.apiKey == nil, let bearer = credentials.bearer, !SessionToken.matches(bearer, storedHash: record.tokenHash) {
            throw APIError(.unauthorized, "The token does not belong to this session; use the token returned when it was created.",
                           at: "Authorization")
        }
    }

    private func checkAPIKey(_ key: String) throws(APIError) {
        // Every configured key is compared, so the time taken does not tell which one was close.
        var matched = false
        for hash in apiKeyHashes where SessionToken.matches(key, storedHash: hash) { matched = true }
        guard matched else {
            throw APIError(.unauthorized, "The API key is not valid; use a key from the server's configuration.", at: "X-API-Key")
        }
    }

    private func restore(_ saved: SavedSession) throws(APIError) -> DialogSession {
        if saved.bundleID == engine.bundle.id && saved.bundleVersion == engine.bundle.version { return saved.session }
        // Other dialogs than the session was made with: let the engine keep what still fits.
        do {
            return try engine.restore(try saved.encoded()).session
        } catch {
            throw APIError(.internalError, "This session was made with other dialogs and cannot continue; start a new session.")
        }
    }

    private func apply(_ input: TurnInput, to session: inout DialogSession, current: Turn) throws(APIError) -> Turn {
        switch input {
        case .text(let text):
            return engine.reply(text, in: &session)
        case .choice(let id):
            guard let choice = current.choices.first(where: { $0.id == id }) else {
                let offered = current.choices.map { "'\($0.id)'" }.joined(separator: ", ")
                throw APIError(.unknownChoice, current.choices.isEmpty
                    ? "The current question has no choices; send 'text' instead."
                    : "Unknown choice '\(id)'; the current question offers \(offered).", at: "$.choice")
            }
            return engine.reply(String(choice.number), in: &session)
        case .command(.back):
            return engine.back(&session)
        case .command(.restart):
            return engine.restart(&session)
        case .command(.topics):
            return engine.reply("/topics", in: &session)
        case .command(.help):
            return engine.reply("/help", in: &session)
        case .command(.human):
            return engine.handOff(&session)
        case .language(let language):
            guard engine.bundle.languages.contains(language) else { throw unsupported(language, at: "$.language") }
            return engine.setLanguage(language, in: &session)
        }
    }

    private func encode(_ state: SessionState) throws(APIError) -> Data {
        do { return try state.encoded() } catch { throw APIError(.internalError, "The session could not be saved; try again.") }
    }

    private func storeCall<T>(_ body: () async throws -> T) async throws(APIError) -> T {
        do { return try await body() } catch { throw storeFailure(error) }
    }

    private func storeFailure(_ error: any Error) -> APIError {
        if error as? SessionStoreError == .conflict {
            return APIError(.busy, "The session changed while this request ran; send it again.")
        }
        return APIError(.storeUnavailable, "The session store is not answering; try again shortly.")
    }

    private func unsupported(_ language: String, at location: String) -> APIError {
        APIError(.unsupportedLanguage, "Language '\(language)' is not available; use one of \(engine.bundle.languages.map { "'\($0)'" }.joined(separator: ", ")).",
                 at: location)
    }

    private func notFound(_ id: String) -> APIError {
        APIError(.sessionNotFound, "There is no session with this id (it may have expired or been deleted); start a new one with POST /v1/sessions.")
    }

    private func mismatch(_ expected: Int, current: Int?) -> APIError {
        let now = current.map { " it is now at \($0)" } ?? " it has changed"
        return APIError(.revisionMismatch, "If-Match asked for revision \(expected), but\(now); GET the session and send the turn again.",
                        at: "If-Match")
    }
}
