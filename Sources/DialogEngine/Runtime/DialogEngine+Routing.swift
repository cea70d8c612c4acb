/// Routing free text to a topic: at the menu, after the end, and as a switch offered inside a flow.
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
        let reading = classifier.read(input.words, current: language)
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

    /// Free text where no question waits (the conversation ended) or at the menu.
    func route(_ understanding: Understanding, in session: inout DialogSession, builder: inout TurnBuilder) {
        builder.routing = understanding.routing(for: compiled)
        let strings = compiled.strings(session.language)
        switch understanding.decision {
        case .safety(let interrupt):
            answerSafety(interrupt, routing: builder.routing, in: &session, builder: &builder)
        case .topic(let flow):
            switchTopic(to: flow, in: &session, builder: &builder)
        case .handoff:
            session.clearOffers()
            handOff(.requested, in: &session, builder: &builder)
            presentCurrent(session, builder: &builder, repeatMessages: false)
        case .ask(let flows):
            session.offeredTopics = flows.map { compiled.flows[$0].id }
            builder.outcome = .clarification
            builder.say(flows.count == 1 ? strings.askOneTopic : strings.askTopics)
        case .outOfScope:
            if let question = currentQuestion(session) {
                // At the menu: the menu's own noMatch first, then help that grows with each miss.
                notUnderstood(at: question, in: &session, builder: &builder)
            } else {
                builder.outcome = .notUnderstood
                builder.say(strings.outOfScope(topics: topicTitles(session)))
                builder.say(strings.conversationEnded)
            }
        }
    }

    /// A question about another topic typed inside a flow: offer to go there.
    func offerTopicSwitch(_ understanding: Understanding, at question: WaitingQuestion, in session: inout DialogSession, builder: inout TurnBuilder) -> Bool {
        guard case .topic(let flow) = understanding.decision, flow != compiled.nodes[question.node].flow else { return false }
        builder.routing = understanding.routing(for: compiled)
        session.offeredFlow = compiled.flows[flow].id
        builder.outcome = .switchOffered
        builder.say(compiled.strings(session.language).offerSwitch(to: render(compiled.flows[flow].title, session)))
        return true
    }

    /// A question of the person's own typed at a question, about no topic clearly: ask with the
    /// likely topics other than this one. Answering the waiting question instead still works.
    func offerOtherTopics(_ understanding: Understanding, at question: WaitingQuestion, in session: inout DialogSession, builder: inout TurnBuilder) -> Bool {
        let policy = RoutingPolicy()
        let here = compiled.nodes[question.node].flow
        let others = understanding.ranked.compactMap { score -> (flow: Int, score: Double)? in
            if case .topic(let flow) = score.intent, flow != here, score.score >= policy.plausible { return (flow, score.score) }
            return nil
        }
        guard let best = others.first else { return false }
        let offered = others.prefix(policy.maximumOffered).filter { best.score - $0.score <= policy.offerWindow }.map(\.flow)
        builder.routing = Understanding(ranked: understanding.ranked, decision: .ask(offered)).routing(for: compiled)
        session.offeredTopics = offered.map { compiled.flows[$0].id }
        builder.outcome = .clarification
        builder.say(compiled.strings(session.language).askTopics)
        return true
    }

    func offerLanguage(_ language: String, in session: inout DialogSession, builder: inout TurnBuilder) {
        session.offeredLanguage = language
        builder.outcome = .switchOffered
        builder.say(compiled.strings(language).offerLanguage)
    }

    /// The answer to an offer of the last turn, if it is one. Anything else drops the offer and
    /// is handled as usual.
    func takeOffer(_ input: TypedText, in session: inout DialogSession, builder: inout TurnBuilder) -> Bool {
        if let topics = session.offeredTopics {
            session.offeredTopics = nil
            if topics.count == 1 {
                // "Is your question about X?": 1 or yes goes there, 2 or no stays.
                let answer = input.words == ["1"] ? true : input.words == ["2"] ? false : compiled.words(session.language).interpretYesNo(input.words)
                if let answer {
                    if answer, let flow = compiled.flowIndex[topics[0]] { switchTopic(to: flow, in: &session, builder: &builder) } else { stayHere(in: &session, builder: &builder) }
                    return true
                }
            } else if let picked = pick(input.words, among: topics, session: session), let flow = compiled.flowIndex[picked] {
                switchTopic(to: flow, in: &session, builder: &builder)
                return true
            }
        }
        if let offered = session.offeredFlow {
            session.offeredFlow = nil
            if let yes = compiled.words(session.language).interpretYesNo(input.words) {
                if yes, let flow = compiled.flowIndex[offered] { switchTopic(to: flow, in: &session, builder: &builder) } else { stayHere(in: &session, builder: &builder) }
                return true
            }
        }
        if let offer = session.offeredChoice {
            session.offeredChoice = nil
            if takeOfferedChoice(offer, input, in: &session, builder: &builder) { return true }
        }
        if let language = session.offeredLanguage {
            session.offeredLanguage = nil
            if let yes = compiled.words(session.language).interpretYesNo(input.words) {
                builder.outcome = .command
                if yes { changeLanguage(to: language, in: &session, builder: &builder) } else { stayHere(in: &session, builder: &builder) }
                return true
            }
        }
        return false
    }

    /// The offered topic picked by number, by title or by a word of its title.
    func pick(_ words: [String], among topics: [String], session: DialogSession) -> String? {
        if words.count == 1, let number = Int(words[0]) { return topics.indices.contains(number - 1) ? topics[number - 1] : nil }
        var index = PhraseIndex(words: compiled.indexWords)
        for (position, id) in topics.enumerated() {
            guard let flow = compiled.flowIndex[id] else { continue }
            for title in compiled.flows[flow].title.raw.values { index.add(title, for: position) }
        }
        index.finish()
        guard case .picked(let position, _) = AnswerMatcher.match(words, index: index) else { return nil }
        return topics[position]
    }

    func stayHere(in session: inout DialogSession, builder: inout TurnBuilder) {
        builder.outcome = .command
        builder.say(compiled.strings(session.language).stayHere)
        presentCurrent(session, builder: &builder)
    }

    func topicTitles(_ session: DialogSession) -> [String] {
        compiled.flows.filter(\.listed).map { render($0.title, session) }
    }

    func switchTopic(to flow: Int, in session: inout DialogSession, builder: inout TurnBuilder) {
        session.rememberForBack()
        session.misses = 0
        session.callStack = []
        session.ended = false
        session.clearOffers()
        builder.outcome = .answered
        let start = compiled.flows[flow].start.target
        builder.events.append(DialogEvent(.topicChanged, flow: compiled.flows[flow].id, node: compiled.nodes[start].id))
        run(from: start, in: &session, builder: &builder)
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
