import DialogEngine
import Foundation

/// What a ``StoredSession`` holds as JSON: the engine's saved session, the latest turn (to answer
/// `GET` after a page reload) and the answers to recent idempotency keys.
///
/// Written on every turn, so it is written directly (``JSONWriter``) instead of through
/// `JSONEncoder`, which took most of a turn's time; the JSON is the same as the `Codable` form,
/// so it is read back with `JSONDecoder`, and sessions stored before read as they always did.
struct SessionState: Codable, Sendable {
    var saved: SavedSession
    var turn: Turn
    var replies: [IdempotentReply]

    /// How many idempotency keys a session remembers; a client retries the last few, not old ones.
    static let rememberedReplies = 16

    /// The answer given to one idempotency key, replayed when the same request comes again.
    struct IdempotentReply: Codable, Sendable {
        var key: String
        /// SHA-256 (hex) of what the request asked (``TurnInput/fingerprint``; before, of the body's
        /// bytes), so the same key with another request is recognised.
        var requestHash: String
        var revision: Int
        var turn: Turn
    }

    mutating func remember(_ reply: IdempotentReply) {
        replies.append(reply)
        if replies.count > Self.rememberedReplies { replies.removeFirst(replies.count - Self.rememberedReplies) }
    }

    func encoded() throws -> Data {
        var writer = JSONWriter(capacity: 8 * 1_024)
        writer.beginObject()
        writer.key("saved")
        try saved.write(to: &writer)
        writer.key("turn")
        try turn.write(to: &writer)
        writer.key("replies")
        writer.beginArray()
        for reply in replies {
            writer.beginObject()
            writer.field("key", reply.key)
            writer.field("requestHash", reply.requestHash)
            writer.field("revision", reply.revision)
            writer.key("turn")
            try reply.turn.write(to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return Data(writer.bytes)
    }

    static func decode(_ data: Data) throws -> SessionState {
        var state = try JSONDecoder().decode(SessionState.self, from: data)
        // Turns stored before they carried their language: the session's is theirs (at best: an
        // old stored reply may come from before a switch).
        let language = state.saved.session.language
        if state.turn.language.isEmpty { state.turn.language = language }
        for index in state.replies.indices where state.replies[index].turn.language.isEmpty {
            state.replies[index].turn.language = language
        }
        return state
    }
}
