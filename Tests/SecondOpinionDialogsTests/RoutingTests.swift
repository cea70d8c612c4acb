import DialogEngine
import Testing

/// Free text typed at the first question must reach the right flow. Data/routing.tsv holds
/// labelled utterances in both languages; the test prints the accuracy and fails below 90%.
@Suite struct RoutingTests {
    @Test func routingAccuracyIsAtLeastNinetyPercent() throws {
        let rows = try Shipped.rows("routing.tsv")
        #expect(rows.count >= 120)
        let engine = try Shipped.engine()
        var misses: [String] = []
        var flowsCovered = Set<String>()
        for row in rows {
            try #require(row.count == 3, "bad row: \(row)")
            let (language, expected, utterance) = (row[0], row[1], row[2])
            flowsCovered.insert("\(language):\(expected)")
            var (session, _) = engine.start(language: language)
            let turn = engine.reply(utterance, in: &session)
            // Where the answer led: the first flow entered in this turn (short flows end at the
            // shared "anything else?" question), else where the conversation waits.
            let reached = turn.events.first { $0.kind == .nodeEntered }?.flow ?? turn.flow
            if reached != expected { misses.append("[\(language)] '\(utterance)' went to \(reached) (now at \(turn.flow):\(turn.node)) (\(turn.outcome.rawValue)), expected \(expected)") }
        }
        let accuracy = Double(rows.count - misses.count) / Double(rows.count)
        print("routing accuracy: \(rows.count - misses.count)/\(rows.count) = \(Int((accuracy * 1000).rounded()) / 10)%")
        for miss in misses { print("  miss: \(miss)") }
        #expect(accuracy >= 0.9, "\(misses.joined(separator: "\n"))")
        for language in ["nl", "en"] {
            for flow in ["eligibility", "referrals", "costs", "family", "discrepancy"] {
                #expect(flowsCovered.contains("\(language):\(flow)"), "no \(language) utterances for \(flow)")
            }
        }
    }
}
