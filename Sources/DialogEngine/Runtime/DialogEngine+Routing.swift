/// Routing free text to a topic: what the classifier makes of a line, and going where it points
/// at the menu and after the end (inside a flow, the engine offers a switch: `DialogEngine+Offers`).
extension DialogEngine {
    /// What the classifier made of one message, and what the policy decided.
    struct Understanding {
        var ranked: [TopicClassifier.Score]
        var decision: RoutingPolicy.Decision
        /// Another of the bundle's languages the message is clearly written in.
        var otherLanguage: String?

        /// The record shown in the turn: the decision and the best three classes.
        func routing(for compiled: CompiledBundle) -> Routing {
            let candidates: [Routing.Candidate]
            if case .ask(let flows) = decision {
                candidates = flows.compactMap { flow in
                    ranked.first { $0.intent == .topic(flow) }.map { Routing.Candidate(id: compiled.flows[flow].id, score: $0.score) }
                }
            } else {
                candidates = ranked.prefix(3).map { Routing.Candidate(id: compiled.name(of: $0.intent), score: $0.score) }
            }
            switch decision {
            case .safety(let index): return Routing(decision: .safety, topic: compiled.interrupts[index].id, candidates: candidates)
            case .topic(let flow): return Routing(decision: .topic, topic: compiled.flows[flow].id, candidates: candidates)
            case .ask: return Routing(decision: .ask, topic: nil, candidates: candidates)
            case .handoff: return Routing(decision: .handoff, topic: "handoff", candidates: candidates)
            case .outOfScope: return Routing(decision: .outOfScope, topic: nil, candidates: candidates)
            }
        }
    }

    func understand(_ input: TypedText, language: String, policy: RoutingPolicy = RoutingPolicy()) -> Understanding {
        guard let classifier = compiled.classifier else { return Understanding(ranked: [], decision: .outOfScope) }
        let reading = classifier.read(input.listed ?? WordList(input.words), current: language)
        var decision = policy.decide(reading.ranked)
        if !classifier.sharesAWord(input.words, stopWords: compiled.indexWords.stop) {
            // No word the bundle knows ("red", "blablabla"): only a clear topic or safety counts,
            // and without out-of-scope examples not even a topic.
            switch decision {
            case .ask: decision = .outOfScope
            case .topic where !classifier.knowsOutOfScope: decision = .outOfScope
            default: break
            }
        }
        return Understanding(ranked: reading.ranked, decision: decision, otherLanguage: reading.otherLanguage)
    }

    /// Free text where it picks a topic: at the menu, or where no question waits (the
    /// conversation ended). Returns the turn's outcome.
    func route(_ understanding: Understanding, at place: TypedLine.Place, in turn: inout TurnContext) -> Turn.Outcome {
        turn.builder.routing = understanding.routing(for: compiled)
        let strings = compiled.strings(turn.session.language)
        switch understanding.decision {
        case .safety(let interrupt):
            answerSafety(interrupt, routing: turn.builder.routing, in: &turn)
            return .interrupted
        case .topic(let flow):
            switchTopic(to: flow, in: &turn)
            return .answered
        case .handoff:
            handOffOnRequest(in: &turn)
            // A handoff is no outcome of its own: the turn answered, as `reply` always said.
            return .answered
        case .ask(let flows):
            turn.session.offeredTopics = flows.map { compiled.flows[$0].id }
            turn.builder.say(flows.count == 1 ? strings.askOneTopic : strings.askTopics)
            return .clarification
        case .outOfScope:
            // At the menu: the menu's own noMatch first, then help that grows with each miss.
            if let question = place.question { return helpAfterMiss(at: question, in: &turn) }
            turn.builder.say(strings.outOfScope(topics: topicTitles(turn.session)))
            turn.builder.say(strings.conversationEnded)
            return .notUnderstood
        }
    }

    /// Asking for a person: the handoff, and the question again (it stays open).
    func handOffOnRequest(in turn: inout TurnContext) {
        turn.session.clearOffers()
        handOff(.requested, in: &turn)
        presentCurrent(in: &turn, repeatMessages: false)
    }

    func topicTitles(_ session: DialogSession) -> [String] {
        compiled.flows.filter(\.listed).map { render($0.title, session) }
    }

    func switchTopic(to flow: Int, in turn: inout TurnContext) {
        turn.session.rememberForBack()
        turn.session.misses = 0
        turn.session.callStack = []
        turn.session.ended = false
        turn.session.clearOffers()
        let start = compiled.flows[flow].start.target
        turn.builder.events.append(DialogEvent(.topicChanged, flow: compiled.flows[flow].id, node: compiled.nodes[start].id))
        run(from: start, in: &turn)
    }
}

extension CompiledBundle {
    /// The id of a classifier class: a flow id, an interrupt id, `handoff`, or `outOfScope`.
    func name(of intent: Intent) -> String {
        switch intent {
        case .topic(let flow): flows[flow].id
        case .interrupt(let index): interrupts[index].id
        case .handoff: "handoff"
        case .outOfScope: "outOfScope"
        }
    }
}
