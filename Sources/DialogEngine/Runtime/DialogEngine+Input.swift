/// Understanding one line typed by the person: interrupts, commands, answers, topic switches.
extension DialogEngine {
    func handle(_ input: TypedText, in session: inout DialogSession, builder: inout TurnBuilder) {
        let strings = EngineStrings(language: session.language)
        if input.words.isEmpty && !input.text.hasPrefix("/") && input.text != "?" {
            builder.outcome = .notUnderstood
            builder.say(strings.emptyAnswer)
            presentCurrent(session, builder: &builder)
            return
        }
        if let interrupt = interrupt(for: input) {
            builder.outcome = .interrupted
            let item = compiled.interrupts[interrupt]
            for message in item.messages {
                builder.say(message.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables))
            }
            builder.cite(item.sources)
            let (flow, node) = positionIDs(session)
            builder.events.append(DialogEvent(.interrupted, flow: flow, node: node, answer: item.id))
            presentCurrent(session, builder: &builder)
            return
        }
        if let command = Command.parse(input, isAnswer: { isAnswerPhrase($0, session: session) }) {
            builder.outcome = .command
            perform(command, in: &session, builder: &builder)
            return
        }
        if let offered = session.offeredFlow {
            session.offeredFlow = nil
            switch YesNoWords.interpret(input.words) {
            case true?:
                switchTopic(to: offered, in: &session, builder: &builder)
                return
            case false?:
                builder.outcome = .command
                builder.say(strings.stayHere)
                presentCurrent(session, builder: &builder)
                return
            case nil:
                break  // Neither yes nor no: treat it as an answer to the question.
            }
        }
        guard let position = session.position, let node = compiled.nodeIndex[position] else {
            if let flow = bestTopic(for: input) {
                switchTopic(to: compiled.flows[flow].id, in: &session, builder: &builder)
            } else {
                builder.outcome = .notUnderstood
                builder.say(strings.conversationEnded)
            }
            return
        }
        switch compiled.nodes[node].kind {
        case .ask(let question):
            answer(question, at: node, with: input, in: &session, builder: &builder)
        case .input(let spec):
            answer(spec, at: node, with: input, in: &session, builder: &builder)
        default:
            presentCurrent(session, builder: &builder)
        }
    }

    func answer(_ question: Question, at node: Int, with input: TypedText, in session: inout DialogSession, builder: inout TurnBuilder) {
        // At the menu, free text is a question: the topics' trigger phrases know more about it
        // than the menu labels. A number or an exact label still picks the choice.
        if node == compiled.menuNode, !isAnswerPhrase(input.normalized, session: session),
           Int(input.normalized) == nil, let flow = bestTopic(for: input) {
            switchTopic(to: compiled.flows[flow].id, in: &session, builder: &builder)
            return
        }
        switch AnswerMatcher.match(input.words, count: question.choices.count, index: compiled.answerIndexes[node]) {
        case .picked(let index):
            let choice = question.choices[index]
            session.rememberForBack()
            session.misses = 0
            let flow = compiled.flows[compiled.nodes[node].flow].id
            builder.events.append(DialogEvent(.answerGiven, flow: flow, node: compiled.nodes[node].id, answer: choice.id))
            if let variable = question.variable {
                assign(variable, .text(choice.id), at: node, in: &session, builder: &builder)
            }
            for assignment in choice.assignments {
                if let value = assignment.value.expression.evaluate(session.variables) {
                    assign(assignment.variable, value, at: node, in: &session, builder: &builder)
                }
            }
            run(from: choice.next.target, in: &session, builder: &builder)
        case .unclear(let candidates):
            if node == compiled.menuNode, let flow = bestTopic(for: input) {
                switchTopic(to: compiled.flows[flow].id, in: &session, builder: &builder)
                return
            }
            builder.outcome = .clarification
            let options = candidates.map { (number: $0 + 1, label: question.choices[$0].label.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables)) }
            builder.say(EngineStrings(language: session.language).didYouMean(options))
            presentCurrent(session, builder: &builder, repeatMessages: false)
        case .none:
            notUnderstood(input, at: node, custom: question.noMatch, in: &session, builder: &builder)
        }
    }

    func answer(_ spec: Input, at node: Int, with input: TypedText, in session: inout DialogSession, builder: inout TurnBuilder) {
        let strings = EngineStrings(language: session.language)
        var value: DialogValue?
        var problem: String
        switch spec.type {
        case .yesNo:
            value = YesNoWords.interpret(input.words).map(DialogValue.bool)
            problem = strings.answerYesOrNo
        case .number(let minimum, let maximum):
            problem = strings.answerNumber(minimum: minimum, maximum: maximum)
            if let number = AnswerMatcher.number(in: input.text), number >= (minimum ?? -.infinity), number <= (maximum ?? .infinity) {
                value = .number(number)
            }
        case .text(let maximumLength):
            problem = strings.emptyAnswer
            value = .text(String(input.text.prefix(maximumLength)))
        case .oneOf(let options):
            problem = strings.notUnderstood(misses: session.misses.addingSaturating(1))
            switch AnswerMatcher.match(input.words, count: options.count, index: compiled.answerIndexes[node]) {
            case .picked(let index): value = .text(options[index].value)
            case .unclear(let candidates):
                builder.outcome = .clarification
                builder.say(strings.didYouMean(candidates.map { (number: $0 + 1, label: options[$0].label.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables)) }))
                presentCurrent(session, builder: &builder, repeatMessages: false)
                return
            case .none: break
            }
        }
        guard let value else {
            if offerTopicSwitch(for: input, at: node, in: &session, builder: &builder) { return }
            session.misses = session.misses.addingSaturating(1)
            builder.outcome = .invalid
            builder.say(spec.invalid?.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables) ?? problem)
            presentCurrent(session, builder: &builder, repeatMessages: false)
            return
        }
        session.rememberForBack()
        session.misses = 0
        let flow = compiled.flows[compiled.nodes[node].flow].id
        builder.events.append(DialogEvent(.answerGiven, flow: flow, node: compiled.nodes[node].id, answer: value.description))
        assign(spec.variable, value, at: node, in: &session, builder: &builder)
        run(from: spec.next.target, in: &session, builder: &builder)
    }

    func notUnderstood(_ input: TypedText, at node: Int, custom: LocalizedText?, in session: inout DialogSession, builder: inout TurnBuilder) {
        if offerTopicSwitch(for: input, at: node, in: &session, builder: &builder) { return }
        session.misses = session.misses.addingSaturating(1)
        builder.outcome = .notUnderstood
        if session.misses == 1, let custom {
            builder.say(custom.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables))
        } else {
            builder.say(EngineStrings(language: session.language).notUnderstood(misses: session.misses))
        }
        presentCurrent(session, builder: &builder, repeatMessages: false)
    }

    /// Free text that fits another topic better than any answer: at the menu go there at once,
    /// elsewhere ask first.
    func offerTopicSwitch(for input: TypedText, at node: Int, in session: inout DialogSession, builder: inout TurnBuilder) -> Bool {
        let atMenu = node == compiled.menuNode
        guard let flow = bestTopic(for: input, minimum: atMenu ? PhraseMatcher.topicAtMenu : PhraseMatcher.topicElsewhere) else { return false }
        if atMenu {
            switchTopic(to: compiled.flows[flow].id, in: &session, builder: &builder)
            return true
        }
        guard flow != compiled.nodes[node].flow else { return false }
        session.offeredFlow = compiled.flows[flow].id
        builder.outcome = .switchOffered
        let strings = EngineStrings(language: session.language)
        builder.say(strings.offerSwitch(to: compiled.flows[flow].title.render(language: session.language, fallback: compiled.defaultLanguage, variables: [:])))
        return true
    }

    func bestTopic(for input: TypedText, minimum: Double = PhraseMatcher.topicAtMenu) -> Int? {
        let ranked = PhraseMatcher.rank(input.words, in: compiled.triggerIndex)
        guard let best = ranked.first, best.score >= minimum else { return nil }
        if ranked.count > 1, best.score - ranked[1].score < PhraseMatcher.tieMargin / 2 { return nil }
        return best.target
    }

    func interrupt(for input: TypedText) -> Int? {
        // Interrupts must not fire on a near miss ("door" is not "dood"): typos count only in long words.
        let ranked = PhraseMatcher.rank(input.words, in: compiled.interruptIndex, shortestTypo: 7)
        guard let best = ranked.first, best.score >= PhraseMatcher.interrupt else { return nil }
        return best.target
    }

    func isAnswerPhrase(_ normalized: String, session: DialogSession) -> Bool {
        guard let position = session.position, let node = compiled.nodeIndex[position], let index = compiled.answerIndexes[node] else { return false }
        return index.entries.contains { $0.phrase.joined == normalized }
    }

    func switchTopic(to flowID: String, in session: inout DialogSession, builder: inout TurnBuilder) {
        guard let flow = compiled.flowIndex[flowID] else { return }
        session.rememberForBack()
        session.misses = 0
        session.callStack = []
        session.ended = false
        builder.outcome = .answered
        builder.events.append(DialogEvent(.topicChanged, flow: flowID, node: compiled.nodes[compiled.flows[flow].start.target].id))
        run(from: compiled.flows[flow].start.target, in: &session, builder: &builder)
    }

}
