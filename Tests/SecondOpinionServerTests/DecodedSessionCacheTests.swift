import DialogEngine
import Foundation
import SecondOpinionDialogs
import Testing
@testable import SecondOpinionServer

/// The decoded-session cache answers only for the exact bytes it was made from.
@Suite struct DecodedSessionCacheTests {
    static let engine = DialogEngine(bundle: try! DialogBundle.load(files: SecondOpinionDialogs.files))

    static func state(_ language: String) -> SessionState {
        let (session, turn) = engine.start(language: language)
        return SessionState(saved: SavedSession(session, engine: engine), turn: turn, replies: [])
    }

    static func record(_ id: String, _ bytes: Data, revision: Int = 1) -> StoredSession {
        StoredSession(id: id, tokenHash: Data(repeating: 1, count: 32), revision: revision, state: bytes, updatedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func answersForTheSameBytesOnly() throws {
        let cache = DecodedSessionCache()
        let dutch = Self.state("nl")
        let bytes = try dutch.encoded()
        cache.remember(dutch, record: Self.record("a", bytes))
        #expect(cache.state(for: "a", bytes: bytes)?.saved.session.language == "nl")
        // Another instance wrote a newer state: the stored bytes differ, so decode again.
        let english = try Self.state("en").encoded()
        #expect(cache.state(for: "a", bytes: english) == nil)
        #expect(cache.state(for: "b", bytes: bytes) == nil)
        cache.forget("a")
        #expect(cache.state(for: "a", bytes: bytes) == nil)
    }

    /// A read that started before this instance's own write can finish after it: the older
    /// revision it remembers must not replace the newer one.
    @Test func anOlderRevisionNeverReplacesANewerOne() throws {
        let cache = DecodedSessionCache()
        let dutch = Self.state("nl"), english = Self.state("en")
        cache.remember(english, record: Self.record("a", try english.encoded(), revision: 3))
        cache.remember(dutch, record: Self.record("a", try dutch.encoded(), revision: 2))
        #expect(cache.latest(for: "a")?.record.revision == 3)
        #expect(cache.latest(for: "a")?.state.saved.session.language == "en")
        cache.remember(dutch, record: Self.record("a", try dutch.encoded(), revision: 4))
        #expect(cache.latest(for: "a")?.record.revision == 4)
    }

    @Test func keepsTheRecentlyUsedWithinItsCapacity() throws {
        let cache = DecodedSessionCache(capacity: 4)
        let state = Self.state("nl")
        let bytes = try state.encoded()
        for id in ["a", "b", "c", "d"] { cache.remember(state, record: Self.record(id, bytes)) }
        // "a" and "b" moved to the older generation; using "a" brings it back.
        #expect(cache.state(for: "a", bytes: bytes) != nil)
        for id in ["e", "f"] { cache.remember(state, record: Self.record(id, bytes)) }
        #expect(cache.state(for: "a", bytes: bytes) != nil)
        #expect(cache.state(for: "b", bytes: bytes) == nil)
        #expect(cache.state(for: "f", bytes: bytes) != nil)
    }

    @Test func theLatestIsWhatThisInstanceLastWroteOrRead() throws {
        let cache = DecodedSessionCache()
        #expect(cache.latest(for: "a") == nil)
        let dutch = Self.state("nl")
        cache.remember(dutch, record: Self.record("a", try dutch.encoded(), revision: 1))
        let english = Self.state("en")
        cache.remember(english, record: Self.record("a", try english.encoded(), revision: 2))
        let latest = try #require(cache.latest(for: "a"))
        #expect(latest.record == Self.record("a", try english.encoded(), revision: 2))
        #expect(latest.state.saved.session.language == "en")
        cache.forget("a")
        #expect(cache.latest(for: "a") == nil)
    }

    @Test func aCopyFoundBehindIsNotOfferedAgain() throws {
        let cache = DecodedSessionCache()
        let state = Self.state("nl")
        let bytes = try state.encoded()
        cache.remember(state, record: Self.record("a", bytes, revision: 1))
        cache.markBehind("a")
        #expect(cache.latest(for: "a") == nil)
        // Written again after reading the store: still not offered, but still read by its bytes.
        cache.remember(state, record: Self.record("a", bytes, revision: 2))
        #expect(cache.latest(for: "a") == nil)
        #expect(cache.state(for: "a", bytes: bytes) != nil)
        // Another session is not affected.
        cache.remember(state, record: Self.record("b", bytes))
        #expect(cache.latest(for: "b")?.record.revision == 1)
    }
}
