import DialogEngine
import Testing

/// Every safety message gets 112 or 113, wherever it is typed, in Dutch and English.
@Suite struct SafetyTests {
    /// Where a safety message may be typed: the menu, and questions inside three flows.
    static let places: [(name: String, steps: [String])] = [
        ("the menu", []),
        ("the costs flow's insurance question", ["4"]),
        ("the referrals flow's question", ["3"]),
        ("the family flow's question", ["5"]),
    ]

    static func safetyCases() throws -> [RoutingEvaluation.Case] {
        try (Shipped.routingCases("routing-unseen.tsv") + Shipped.routingCases("routing-unseen-2.tsv") + Shipped.routingCases("routing-heldout.tsv"))
            .filter { $0.expected == "emergency" || $0.expected == "suicide" }
    }

    @Test func everySafetyMessageOfTheHeldOutFilesGetsASafetyAnswerEverywhere() throws {
        let engine = try Shipped.engine()
        let cases = try Self.safetyCases()
        #expect(cases.count >= 20)
        #expect(Set(cases.map(\.language)) == ["nl", "en"])
        for item in cases {
            for place in Self.places {
                var (session, _) = engine.start(language: item.language)
                for step in place.steps { _ = engine.reply(step, in: &session) }
                let before = (session.position)
                let turn = engine.reply(item.text, in: &session)
                let said = turn.messages.joined(separator: " ")
                #expect(turn.outcome == .interrupted, "[\(item.language)] at \(place.name): '\(item.text)' got \(turn.outcome)")
                #expect(said.contains("112") || said.contains("113"), "[\(item.language)] at \(place.name): '\(item.text)'")
                // The conversation goes on where it was.
                #expect(session.position == before, "[\(item.language)] at \(place.name): '\(item.text)'")
            }
        }
    }

    /// The keyword lists answer on their own, before anything else: also where a yes/no answer or
    /// a choice is expected, and with nothing routed by the classifier.
    @Test(arguments: [("nl", "ik heb pijn op de borst", "emergency"), ("en", "my husband is not breathing", "emergency"),
                      ("nl", "ik denk aan zelfmoord", "suicide"), ("en", "I want to end my life", "suicide")])
    func keywordInterruptsStillWin(language: String, text: String, interrupt: String) throws {
        let engine = try Shipped.engine()
        for steps in [[], ["4"], ["4", "1"]] {
            var (session, _) = engine.start(language: language)
            for step in steps { _ = engine.reply(step, in: &session) }
            let turn = engine.reply(text, in: &session)
            #expect(turn.outcome == .interrupted)
            #expect(turn.routing == nil, "keywords fire without the classifier")
            #expect(turn.events.first { $0.kind == .interrupted }?.answer == interrupt)
        }
    }
}
