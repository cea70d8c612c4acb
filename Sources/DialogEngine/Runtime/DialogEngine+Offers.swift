/// The engine's own offers: to switch topic, to pick one of the likely topics, to go on in
/// another language. Each is made in one turn, shown as the engine's own question (`offerAsked`),
/// and answered in the next (`takeOffer`); anything else drops it.
extension DialogEngine {
    /// A question about another topic typed inside a flow: offer to go there.
    func offerTopicSwitch(_ understanding: Understanding, at question: WaitingQuestion, in turn: inout TurnContext) -> Bool {
        guard case .topic(let flow) = understanding.decision, flow != compiled.nodes[question.node].flow else { return false }
        turn.builder.routing = understanding.routing(for: compiled)
        turn.session.offeredFlow = compiled.flows[flow].id
        turn.builder.say(compiled.strings(turn.session.language).offerSwitch(to: render(compiled.flows[flow].title, turn.session)))
        return true
    }

    /// A question of the person's own typed at a question, about no topic clearly: ask with the
    /// likely topics other than this one. Answering the waiting question instead still works.
    func offerOtherTopics(_ understanding: Understanding, at question: WaitingQuestion, in turn: inout TurnContext) -> Bool {
        let policy = RoutingPolicy()
        let here = compiled.nodes[question.node].flow
        let others = understanding.ranked.compactMap { score -> (flow: Int, score: Double)? in
            if case .topic(let flow) = score.intent, flow != here, score.score >= policy.plausible { return (flow, score.score) }
            return nil
        }
        guard let best = others.first else { return false }
        let offered = others.prefix(policy.maximumOffered).filter { best.score - $0.score <= policy.offerWindow }.map(\.flow)
        turn.builder.routing = Understanding(ranked: understanding.ranked, decision: .ask(offered)).routing(for: compiled)
        turn.session.offeredTopics = offered.map { compiled.flows[$0].id }
        turn.builder.say(compiled.strings(turn.session.language).askTopics)
        return true
    }

    /// A message written in another of the bundle's languages: offer to go on in it.
    func offerLanguage(_ language: String, in turn: inout TurnContext) {
        turn.session.offeredLanguage = language
        turn.builder.say(compiled.strings(language).offerLanguage)
    }

    /// The answer to an offer of the last turn, if it is one, and the turn's outcome. Anything
    /// else drops the offer and is handled as usual: nil.
    func takeOffer(_ input: TypedText, in turn: inout TurnContext) -> Turn.Outcome? {
        if let topics = turn.session.offeredTopics {
            turn.session.offeredTopics = nil
            if let outcome = takeTopics(topics, input, in: &turn) { return outcome }
        }
        if let offered = turn.session.offeredFlow {
            turn.session.offeredFlow = nil
            if let yes = yesOrNo(input, languages: [turn.session.language]) {
                return switchOrStay(yes ? compiled.flowIndex[offered] : nil, in: &turn)
            }
        }
        if let offer = turn.session.offeredChoice {
            turn.session.offeredChoice = nil
            if let outcome = takeOfferedChoice(offer, input, in: &turn) { return outcome }
        }
        if let language = turn.session.offeredLanguage {
            turn.session.offeredLanguage = nil
            // The offer is worded in the other language: its yes and no count too.
            if let yes = yesOrNo(input, languages: [turn.session.language, language]) {
                if yes { changeLanguage(to: language, in: &turn) } else { stayHere(in: &turn) }
                return .command
            }
        }
        return nil
    }

    /// A pick among offered topics: by number, title or a word of its title; for one topic
    /// ("Is your question about X?"), 1 or yes goes there and 2 or no stays.
    private func takeTopics(_ topics: [String], _ input: TypedText, in turn: inout TurnContext) -> Turn.Outcome? {
        if topics.count == 1 {
            return yesOrNo(input, languages: [turn.session.language]).map { switchOrStay($0 ? compiled.flowIndex[topics[0]] : nil, in: &turn) }
        }
        guard let picked = pick(input.words, among: topics), let flow = compiled.flowIndex[picked] else { return nil }
        switchTopic(to: flow, in: &turn)
        return .answered
    }

    /// The answer to an offer shown with the choices 1 (yes) and 2 (no): the number of a choice
    /// (what a client sends for a tapped choice) or yes or no in one of `languages`.
    private func yesOrNo(_ input: TypedText, languages: [String]) -> Bool? {
        if input.words == ["1"] { return true }
        if input.words == ["2"] { return false }
        for language in languages {
            if let yes = compiled.words(language).interpretYesNo(input.words) { return yes }
        }
        return nil
    }

    /// Goes to `flow`, or stays at the question when there is none.
    private func switchOrStay(_ flow: Int?, in turn: inout TurnContext) -> Turn.Outcome {
        guard let flow else {
            stayHere(in: &turn)
            return .command
        }
        switchTopic(to: flow, in: &turn)
        return .answered
    }

    /// The offered topic picked by number, by title or by a word of its title.
    func pick(_ words: [String], among topics: [String]) -> String? {
        if words.count == 1, let number = Int(words[0]) { return topics.indices.contains(number - 1) ? topics[number - 1] : nil }
        var index = PhraseIndex(words: compiled.indexWords)
        for (position, id) in topics.enumerated() {
            guard let flow = compiled.flowIndex[id] else { continue }
            for title in compiled.flows[flow].title.raws { index.add(title, for: position) }
        }
        index.finish()
        guard case .picked(let position, _) = AnswerMatcher.match(words, index: index) else { return nil }
        return topics[position]
    }

    func stayHere(in turn: inout TurnContext) {
        turn.builder.say(compiled.strings(turn.session.language).stayHere)
        presentCurrent(in: &turn)
    }

    /// The engine's own question while one of its offers waits for an answer: which of the
    /// likely topics, "Is your question about X?", go on in another language, or switch topic.
    /// Nil when none waits.
    func offerAsked(_ session: DialogSession) -> Asking? {
        let strings = compiled.strings(session.language)
        if let topics = session.offeredTopics {
            let choices = topics.enumerated().compactMap { offset, id in
                compiled.flowIndex[id].map { Turn.Choice(number: offset + 1, id: id, label: render(compiled.flows[$0].title, session)) }
            }
            if topics.count == 1, let only = choices.first {
                return Asking(question: strings.isItAbout(only.label), choices: yesNoChoices(strings, yes: only.id), expects: .init(kind: .choice))
            }
            return Asking(question: topics.count == 1 ? nil : strings.whichTopic, choices: choices, expects: .init(kind: .choice))
        }
        if let language = session.offeredLanguage {
            let other = compiled.strings(language)
            return Asking(question: other.continueIn, choices: yesNoChoices(other), expects: .init(kind: .yesNo))
        }
        if session.offeredFlow != nil, session.position != nil {
            return Asking(question: nil, choices: yesNoChoices(strings), expects: .init(kind: .yesNo))
        }
        return nil
    }

    /// Yes and no as the two choices of an engine's question; `yes` is the id of the first.
    private func yesNoChoices(_ strings: EngineStrings, yes: String = "yes") -> [Turn.Choice] {
        [Turn.Choice(number: 1, id: yes, label: strings.yes), Turn.Choice(number: 2, id: "no", label: strings.no)]
    }
}
