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

    @Test func answersForTheSameBytesOnly() throws {
        let cache = DecodedSessionCache()
        let dutch = Self.state("nl")
        let bytes = try dutch.encoded()
        cache.remember(dutch, bytes: bytes, for: "a")
        #expect(cache.state(for: "a", bytes: bytes)?.saved.session.language == "nl")
        // Another instance wrote a newer state: the stored bytes differ, so decode again.
        let english = try Self.state("en").encoded()
        #expect(cache.state(for: "a", bytes: english) == nil)
        #expect(cache.state(for: "b", bytes: bytes) == nil)
        cache.forget("a")
        #expect(cache.state(for: "a", bytes: bytes) == nil)
    }

    @Test func keepsTheRecentlyUsedWithinItsCapacity() throws {
        let cache = DecodedSessionCache(capacity: 4)
        let state = Self.state("nl")
        let bytes = try state.encoded()
        for id in ["a", "b", "c", "d"] { cache.remember(state, bytes: bytes, for: id) }
        // "a" and "b" moved to the older generation; using "a" brings it back.
        #expect(cache.state(for: "a", bytes: bytes) != nil)
        for id in ["e", "f"] { cache.remember(state, bytes: bytes, for: id) }
        #expect(cache.state(for: "a", bytes: bytes) != nil)
        #expect(cache.state(for: "b", bytes: bytes) == nil)
        #expect(cache.state(for: "f", bytes: bytes) != nil)
    }
}
