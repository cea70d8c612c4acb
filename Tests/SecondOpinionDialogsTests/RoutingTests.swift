import DialogEngine
import SecondOpinionDialogs
import Testing

/// Free text typed at the first question must reach the right topic, or be asked with it among at
/// most three choices; safety messages must always get a safety answer.
@Suite struct RoutingTests {
    /// Questions written from the source pages by someone who never saw the dialogs or their
    /// examples (routing-unseen.tsv, never edited to fit the model). Its label guide put the
    /// medical file under referrals, where the dialogs answer it under request: 10 of its misses
    /// are those. Measured when the classifier landed: 231/250 = 92.4% with 8.0% asks
    /// (`second-opinion routing Tests/SecondOpinionDialogsTests/Data/routing-unseen.tsv`); the
    /// floor is that minus a margin.
    @Test func unseenQuestionsStayAboveTheirFloor() throws {
        let evaluation = RoutingEvaluation(engine: try Shipped.engine(), cases: try Shipped.routingCases("routing-unseen.tsv"))
        print(evaluation.report())
        #expect(evaluation.results.count >= 150)
        #expect(evaluation.accuracy >= 0.89, "\(evaluation.report())")
        #expect(evaluation.askRate <= 0.12, "\(evaluation.report())")
        #expect(evaluation.missedSafety.isEmpty, "\(evaluation.missedSafety.map(\.item.text))")
        for result in evaluation.results where result.asked {
            #expect((1...3).contains(result.offered.count), "asked with \(result.offered) for '\(result.item.text)'")
        }
    }

    /// The second unseen set (routing-unseen-2.tsv), written the same way with a label guide that
    /// follows the dialogs' topics. Measured once, when it was written: 237/247 = 96.0% (nl
    /// 96.8%, en 95.1%) with 7.7% asks, no safety message missed.
    @Test func secondUnseenSetMeetsTheTarget() throws {
        let evaluation = RoutingEvaluation(engine: try Shipped.engine(), cases: try Shipped.routingCases("routing-unseen-2.tsv"))
        print(evaluation.report())
        #expect(evaluation.results.count >= 200)
        #expect(evaluation.accuracy >= 0.94, "\(evaluation.report())")
        #expect(evaluation.askRate <= 0.10, "\(evaluation.report())")
        #expect(evaluation.missedSafety.isEmpty, "\(evaluation.missedSafety.map(\.item.text))")
    }

    /// The first held-out set (36 questions, written after the triggers were tuned).
    @Test func heldOutQuestionsStayAboveTheirFloor() throws {
        let evaluation = RoutingEvaluation(engine: try Shipped.engine(), cases: try Shipped.routingCases("routing-heldout.tsv"))
        print("held-out routing: \(evaluation.results.filter(\.correct).count)/\(evaluation.results.count)")
        #expect(evaluation.results.count >= 30)
        #expect(evaluation.accuracy >= 0.9, "\(evaluation.report())")
    }

    /// The questions the triggers were tuned on.
    @Test func tunedQuestionsAreRoutedRight() throws {
        let evaluation = RoutingEvaluation(engine: try Shipped.engine(), cases: try Shipped.routingCases("routing.tsv"))
        #expect(evaluation.results.count >= 120)
        #expect(evaluation.accuracy >= 0.95, "\(evaluation.report())")
        for language in ["nl", "en"] {
            for flow in ["eligibility", "referrals", "costs", "family", "discrepancy"] {
                #expect(evaluation.results.contains { $0.item.language == language && $0.item.expected == flow }, "no \(language) utterances for \(flow)")
            }
        }
    }

    /// Training twice gives the same model: the same scores, to the last bit, on every test line.
    @Test func trainingIsDeterministic() throws {
        let first = DialogEngine(bundle: try Shipped.bundle())
        let second = DialogEngine(bundle: try DialogBundle.load(files: SecondOpinionDialogs.files))
        let cases = try Shipped.routingCases("routing-unseen.tsv") + Shipped.routingCases("routing-heldout.tsv")
        #expect(!cases.isEmpty)
        for item in cases {
            var (one, _) = first.start(language: item.language)
            var (two, _) = second.start(language: item.language)
            #expect(first.reply(item.text, in: &one) == second.reply(item.text, in: &two), "\(item.text)")
        }
    }

    /// A message that fits two topics equally is asked about, with both among at most three choices,
    /// which the person answers by number or by words.
    @Test func anUnsureMessageIsAskedWithTheLikelyTopics() throws {
        let engine = try Shipped.engine()
        var (session, _) = engine.start(language: "en")
        let turn = engine.reply("referral costs", in: &session)
        let routing = try #require(turn.routing)
        #expect(routing.decision == .ask)
        let offered = routing.candidates.map(\.id)
        #expect((2...3).contains(offered.count))
        #expect(offered.contains("referrals") && offered.contains("costs"), "\(offered)")
        #expect(turn.outcome == .clarification)
        #expect(turn.question == "Which topic fits best? Type its number.")
        #expect(turn.choices.map(\.id) == offered)
        let costs = try #require(turn.choices.first { $0.id == "costs" })
        let picked = engine.reply("\(costs.number)", in: &session)
        #expect(picked.flow == "costs")
        var (again, _) = engine.start(language: "en")
        _ = engine.reply("referral costs", in: &again)
        #expect(engine.reply("Costs and reimbursement", in: &again).flow == "costs")
    }
}
