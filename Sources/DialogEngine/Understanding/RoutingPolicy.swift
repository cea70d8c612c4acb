/// Turns the classifier's scores into a decision: safety first, then a clear winner, then asking
/// with the two or three most likely topics, and only then "not something I can help with".
///
/// The scores are decision values of one-vs-rest linear SVMs: around +1 for a typical training
/// message of a class, around -1 for one of another class. The constants were set on the
/// conversation tests' messages (Data/midconversation.tsv and the routing sets the triggers were
/// tuned on) and checked, never tuned, against the held-out questions: there every safety message
/// scored 0.48 or more.
struct RoutingPolicy: Sendable {
    /// A safety class scoring above this answers with safety even when another class is ahead:
    /// a false alarm costs one message, a miss can cost a life. This floor is for a message typed
    /// where a question of its own is expected (the menu, after the end).
    var safetyFloor = -0.35
    /// The best topic goes through at once when it scores at least this ...
    var clearScore = -0.05
    /// ... and leads the runner-up by at least this ...
    var clearLead = 0.3
    /// ... and no other topic scores this much: two topics that both claim a message are asked about.
    var rivalScore = -0.1
    /// Topics scoring at least this are plausible enough to offer when unsure.
    var plausible = -0.75
    /// Offered topics lie within this distance of the best one.
    var offerWindow = 0.45
    /// At most this many topics are offered.
    var maximumOffered = 3

    /// The safety floor for a message typed at a question that it does not answer. Short replies
    /// ("de buurman", "blablabla") are unlike every training message, and their scores scatter
    /// up to about 0.1 on no evidence.
    static let safetyFloorAtQuestion = 0.1
    /// The safety floor for a message that also answers the question ("no thanks, I'm done"
    /// scores 0.28 for crisis); a crisis said in an answer still scores far above it.
    static let safetyFloorInAnswer = 0.3

    /// The policy for a message typed where a question waits: a stricter safety floor.
    static func atQuestion(answering: Bool) -> RoutingPolicy {
        var policy = RoutingPolicy()
        policy.safetyFloor = answering ? safetyFloorInAnswer : safetyFloorAtQuestion
        return policy
    }

    /// What to do with a message whose classes scored `ranked` (best first).
    func decide(_ ranked: [TopicClassifier.Score]) -> Decision {
        guard let best = ranked.first else { return .outOfScope }
        for score in ranked where score.score >= safetyFloor {
            if case .interrupt(let index) = score.intent { return .safety(index) }
        }
        // Asking for a human is taken like a topic, but only as a clear winner: never offered.
        if best.intent == .handoff, best.score >= clearScore, best.score - (ranked.dropFirst().first?.score ?? -.infinity) >= clearLead {
            return .handoff
        }
        let topics = ranked.compactMap { score -> (flow: Int, score: Double)? in
            if case .topic(let flow) = score.intent { return (flow, score.score) }
            return nil
        }
        guard let top = topics.first, top.score >= plausible else { return .outOfScope }
        let runnerUp = ranked.first { $0.intent != .topic(top.flow) }?.score ?? -.infinity
        let rival = topics.count > 1 && topics[1].score >= rivalScore
        if best.intent == .topic(top.flow), top.score >= clearScore, top.score - runnerUp >= clearLead, !rival {
            return .topic(top.flow)
        }
        if best.intent == .outOfScope, best.score - top.score >= clearLead { return .outOfScope }
        let offered = topics.prefix(maximumOffered).filter { $0.score >= plausible && top.score - $0.score <= offerWindow }
        if offered.count == 1, best.intent == .topic(top.flow), top.score >= clearScore { return .topic(top.flow) }
        return .ask(offered.map(\.flow))
    }

    /// The decision about one message.
    enum Decision: Equatable {
        case safety(Int)
        case topic(Int)
        case ask([Int])
        case handoff
        case outOfScope
    }
}
