import DialogEngine
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import SecondOpinionServer

/// The stored state is written directly as JSON; it is the JSON `JSONEncoder` made before, so
/// sessions stored before that change continue.
@Suite struct SessionStateTests {
    static func state(after inputs: [String], replies: Int) -> SessionState {
        let engine = TestServer.engine
        var (session, turn) = engine.start(language: "nl", at: Date(timeIntervalSinceReferenceDate: 800_000_000.5))
        for input in inputs { turn = engine.reply(input, in: &session) }
        var state = SessionState(saved: SavedSession(session, engine: engine), turn: turn, replies: [])
        for index in 0..<replies {
            state.remember(.init(key: "key-\(index) \"quoted\"", requestHash: String(repeating: "ab", count: 32), revision: index + 2, turn: turn))
        }
        return state
    }

    @Test func theWrittenStateIsTheJSONOfItsCodableForm() throws {
        let state = Self.state(after: ["wie betaalt dat eigenlijk?", "1", "ik wil een second opinion"], replies: 3)
        let written = try state.encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: written) as? NSDictionary)
        let expected = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(state)) as? NSDictionary)
        #expect(object == expected)
        let decoded = try SessionState.decode(written)
        #expect(decoded.saved == state.saved)
        #expect(decoded.turn == state.turn)
        #expect(decoded.replies.map(\.key) == ["key-0 \"quoted\"", "key-1 \"quoted\"", "key-2 \"quoted\""])
        #expect(decoded.replies.map(\.revision) == [2, 3, 4])
        #expect(decoded.replies.allSatisfy { $0.turn == state.turn })
    }

    @Test func aSessionStoredByTheEarlierEncoderContinues() async throws {
        let store = MemorySessionStore()
        try await TestServer.app(store: store).test(.router) { client in
            let session = try await client.startSession(language: "nl")
            // Stored as before the direct writer: Foundation's JSONEncoder, its key order and escaping.
            var record = try #require(await store.load(id: session.id))
            let previous = record
            record.state = try JSONEncoder().encode(try SessionState.decode(record.state))
            #expect(record.state != previous.state)
            // A new revision, as another instance would write: this instance then reads the store.
            record.revision += 1
            try await store.update(record, expectedRevision: previous.revision)
            let response = try await client.turn(session, #"{"text":"wie betaalt dat eigenlijk?"}"#)
            #expect(response.status == .ok)
            var (engineSession, _) = TestServer.engine.start(language: "nl")
            let expected = TestServer.engine.reply("wie betaalt dat eigenlijk?", in: &engineSession)
            #expect(response.text == #"{"revision":3,"sessionId":"\#(session.id)","turn":\#(String(decoding: try expected.wireJSON(), as: UTF8.self))}"#)
        }
    }

    /// Turns stored before they carried their language read as in the session's language, so a
    /// reload after the upgrade still tells the widget which language to speak.
    @Test func aTurnStoredWithoutItsLanguageGetsTheSessions() throws {
        let state = Self.state(after: ["in het nederlands graag", "who pays for it?", "ja"], replies: 2)
        #expect(state.saved.session.language == "en")
        var object = try #require(try JSONSerialization.jsonObject(with: state.encoded()) as? [String: Any])
        var turn = try #require(object["turn"] as? [String: Any])
        turn.removeValue(forKey: "language")
        object["turn"] = turn
        object["replies"] = try #require(object["replies"] as? [[String: Any]]).map { reply in
            var reply = reply
            var turn = reply["turn"] as? [String: Any] ?? [:]
            turn.removeValue(forKey: "language")
            reply["turn"] = turn
            return reply
        }
        let decoded = try SessionState.decode(JSONSerialization.data(withJSONObject: object))
        #expect(decoded.turn == state.turn)
        #expect(decoded.turn.language == "en")
        #expect(decoded.replies.map(\.turn.language) == ["en", "en"])
    }
}
