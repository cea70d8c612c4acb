import DialogEngine
import Foundation
import Testing

@Suite struct SavedSessionTests {
    @Test func roundTripsExactly() throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start(language: "nl")
        _ = engine.reply("1", in: &session)
        _ = engine.reply("achter", in: &session)
        _ = engine.reply("nee", in: &session)
        let data = try SavedSession(session, engine: engine).encoded()
        let (restored, notes) = try engine.restore(data)
        #expect(restored == session)
        #expect(notes.isEmpty)
        var copy = restored
        #expect(engine.reply("1", in: &copy).node == "done")
    }

    @Test func aStoredSessionIsSmall() throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start()
        _ = engine.reply("1", in: &session)
        session = DialogSessionProbe.withoutTranscript(session)
        let data = try JSONEncoder().encode(SavedSession(session, engine: engine))
        #expect(data.count < 600, "\(data.count) bytes")
    }

    @Test func refusesAnotherBundlesSave() throws {
        let engine = try Fixtures.demoEngine()
        let data = Data(#"{"format": 1, "bundleID": "other", "bundleVersion": "1", "session": {}}"#.utf8)
        #expect(throws: SessionRestoreError(code: .otherBundle, detail: "other")) { try engine.restore(data) }
        #expect(throws: SessionRestoreError(code: .newerFormat, detail: "9")) { try engine.restore(Data(#"{"format": 9}"#.utf8)) }
        #expect(throws: SessionRestoreError(code: .unreadable, detail: "no format version")) { try engine.restore(Data("not json".utf8)) }
    }

    @Test func recoversWhenTheDialogsChanged() throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start()
        _ = engine.reply("1", in: &session)
        _ = engine.reply("front", in: &session)
        var json = String(decoding: try SavedSession(session, engine: engine).encoded(), as: UTF8.self)
        json = json.replacingOccurrences(of: "repair:ask_electric", with: "repair:gone")
            .replacingOccurrences(of: "\"wheel\"", with: "\"removed\"")
            .replacingOccurrences(of: "\"bundleVersion\" : \"1.0.0\"", with: "\"bundleVersion\" : \"0.9\"")
        let (restored, notes) = try engine.restore(Data(json.utf8))
        #expect(restored.position == "repair:start")
        #expect(restored.variables.isEmpty)
        #expect(notes == [.otherVersion(saved: "0.9", current: "1.0.0"), .questionGone(question: "repair:gone"), .answerDropped(variable: "removed")])
        #expect(notes.map { $0.message(pack: engine.bundle.languagePack(for: "en")) } == [
            "saved with dialogs version 0.9; now 1.0.0",
            "the question 'repair:gone' no longer exists; continuing from the start of its topic",
            "dropped the answer 'removed', which the dialogs no longer use",
        ])
    }

    @Test func writesAtomically() throws {
        let engine = try Fixtures.demoEngine()
        let (session, _) = engine.start()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try SavedSession(session, engine: engine).write(to: url)
        let (restored, _) = try engine.restore(try Data(contentsOf: url))
        #expect(restored == session)
    }
}

@Suite struct UndoLimitTests {
    @Test func backRemembersAtMostAHundredAnswers() throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start(language: "en")
        for _ in 0..<150 {
            _ = engine.reply("1", in: &session)
            _ = engine.reply("/topics", in: &session)
        }
        #expect(session.undoDepth == 100)
        // The last step was /topics from the repair question, and before that the answer "1".
        #expect(engine.back(&session).node == "start")
        #expect(engine.back(&session).node == "menu")
        #expect(session.undoDepth == 98)
    }
}
