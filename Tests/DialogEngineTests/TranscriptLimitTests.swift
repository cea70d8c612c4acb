import DialogEngine
import Testing

/// A session keeps at most the engine's number of transcript lines, with a marker counting the
/// lines dropped, so a long conversation (or one restarted many times) stays small.
@Suite struct TranscriptLimitTests {
    @Test func aLongConversationKeepsTheNewestLinesAfterAMarker() throws {
        let engine = DialogEngine(bundle: try Fixtures.demoBundle(), transcriptLimit: 5)
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("1", in: &session)
        _ = engine.reply("front", in: &session)
        _ = engine.reply("yes", in: &session)
        let transcript = engine.transcript(of: session)
        #expect(transcript.map(\.speaker) == [.omitted, .person, .bot, .person, .bot])
        #expect(transcript[0] == TranscriptEntry(speaker: .omitted, text: "(3 earlier lines of this conversation were left out)", omittedCount: 3))
        #expect(transcript[3] == TranscriptEntry(speaker: .person, text: "yes"))
    }

    @Test func restartingDoesNotGrowIt() throws {
        let engine = try Fixtures.demoEngine()
        var (session, _) = engine.start(language: "nl")
        for _ in 0..<400 {
            _ = engine.reply("1", in: &session)
            _ = engine.reply("opnieuw", in: &session)
        }
        let transcript = engine.transcript(of: session)
        // The greeting, then four lines per round; the newest limit - 1 stay after the marker.
        let dropped = 1 + 4 * 400 - (DialogEngine.defaultTranscriptLimit - 1)
        #expect(transcript.count == DialogEngine.defaultTranscriptLimit)
        #expect(transcript[0].speaker == .omitted)
        #expect(transcript[0].omittedCount == dropped)
        #expect(transcript[0].text == "(\(dropped) eerdere regels van dit gesprek zijn weggelaten)")
        #expect(transcript.dropFirst().allSatisfy { $0.speaker != .omitted })
    }
}
