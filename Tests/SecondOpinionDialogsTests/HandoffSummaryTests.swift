import DialogEngine
import Foundation
import Testing

/// A scripted conversation in each language and the exact summary a person taking over reads,
/// as JSON and as Markdown (golden files in Data/handoff/). Run with `UPDATE_FIXTURES=1` to
/// rewrite them after a deliberate change, and read the difference before committing.
@Suite struct HandoffSummaryTests {
    static let started = Date(timeIntervalSince1970: 1_796_198_400)  // 2026-12-02 08:00 UTC

    /// What the person types, one line per turn, ending with the request for a person.
    static let scripts: [String: [String]] = [
        "nl": ["wie betaalt een second opinion?", "1", "ja", "1", "/mens"],
        "en": ["who pays for a second opinion?", "1", "yes", "1", "/human"],
    ]

    static func summary(_ language: String) throws -> (HandoffSummary, Turn) {
        let engine = try Shipped.engine()
        var (session, _) = engine.start(language: language, at: started)
        var last: Turn?
        for line in try #require(scripts[language]) { last = engine.reply(line, in: &session) }
        let turn = try #require(last)
        let summary = engine.handoffSummary(for: session, reason: try #require(turn.handoff?.reason),
                                            options: .init(now: started.addingTimeInterval(7 * 60 + 5)))
        return (summary, turn)
    }

    @Test(arguments: ["nl", "en"])
    func theScriptedConversationGivesTheExactSummary(_ language: String) throws {
        let (summary, turn) = try Self.summary(language)
        #expect(turn.handoff == Turn.Handoff(reason: .requested))
        let json = String(decoding: try summary.jsonData(), as: UTF8.self) + "\n"
        let markdown = summary.markdown(pack: try Shipped.engine().bundle.languagePack(for: language))
        let folder = Shipped.dataDirectory.appendingPathComponent("handoff")
        let jsonURL = folder.appendingPathComponent("summary-\(language).json")
        let markdownURL = folder.appendingPathComponent("summary-\(language).md")
        if ProcessInfo.processInfo.environment["UPDATE_FIXTURES"] == "1" {
            try json.write(to: jsonURL, atomically: true, encoding: .utf8)
            try markdown.write(to: markdownURL, atomically: true, encoding: .utf8)
            return
        }
        #expect(json == (try String(contentsOf: jsonURL, encoding: .utf8)))
        #expect(markdown == (try String(contentsOf: markdownURL, encoding: .utf8)))
        #expect(try JSONDecoder().decode(HandoffSummary.self, from: Data(json.utf8)) == summary)
    }

    @Test(arguments: ["nl", "en"])
    func whatThePersonTypedStaysOutUnlessAsked(_ language: String) throws {
        let (summary, _) = try Self.summary(language)
        let typed = try #require(Self.scripts[language]?.first)
        #expect(!String(decoding: try summary.jsonData(), as: UTF8.self).contains(typed))
        let pack = try Shipped.engine().bundle.languagePack(for: language)
        #expect(!summary.markdown(pack: pack).contains(typed))
        var withText = summary
        withText.typedText = [typed]
        #expect(withText.markdown(pack: pack).contains("> \(typed)\n"))
    }
}
