/// Understanding one line typed by the person. The steps run in this order, and the first that
/// handles the line ends the turn:
///
/// 1. nothing typed: say so;
/// 2. safety keywords (an emergency, a crisis): answer at once, from anywhere;
/// 3. commands (help, back, topics, a language, human...);
/// 4. an offer the engine made last turn (pick a topic, switch topic, switch language, a short
///    yes or no to "Do you mean 1. …?");
/// 5. an exact answer to the question: its number, a label or synonym typed whole, a clear yes/no;
/// 6. the classifier's safety net: a message that sounds like an emergency or a crisis;
/// 7. a strong answer in the person's own words;
/// 8. confusion ("ik snap het niet"): explain the question;
/// 9. a message in another of the bundle's languages: offer to switch;
/// 10. asking for a person in own words: hand off (the question stays open);
/// 11. a question about a topic: go there (at the menu) or offer to switch (elsewhere); a
///     question that fits no topic clearly is asked about with the likely other topics;
/// 12. a weak answer: ask which choice was meant; never take it silently;
/// 13. nothing fits: help, escalating with each miss (and after the bundle's `afterFailures`
///     failed turns in a row, a handoff instead: see `countFailures`).
extension DialogEngine {
    func handle(_ input: TypedText, in session: inout DialogSession, builder: inout TurnBuilder) {
        if input.words.isEmpty && !input.text.hasPrefix("/") && input.text != "?" {
            builder.outcome = .notUnderstood
            builder.say(compiled.strings(session.language).emptyAnswer)
            presentCurrent(session, builder: &builder)
            return
        }
        if let interrupt = keywordInterrupt(for: input) {
            answerSafety(interrupt, routing: nil, in: &session, builder: &builder)
            return
        }
        if let command = Command.parse(input, words: compiled.words(session.language), isAnswer: { words, command in
            // A plain "mens" or "human" typed where free text is asked for is that answer.
            isAnswerPhrase(words, session: session) || (command == .human && waitsForText(session))
        }) {
            session.clearOffers()
            builder.outcome = .command
            perform(command, in: &session, builder: &builder)
            return
        }
        if takeOffer(input, in: &session, builder: &builder) { return }
        let question = currentQuestion(session)
        if let question, takeExactAnswer(input, at: question, in: &session, builder: &builder) { return }
        if input.words.count >= 3 { session.remember(mention: input.text) }
        if let language = compiled.words(session.language).requestedLanguage(in: input.words, among: compiled.languages), language != session.language {
            session.clearOffers()
            builder.outcome = .command
            changeLanguage(to: language, in: &session, builder: &builder)
            return
        }
        let atMenu = question?.node == compiled.menuNode
        let answer = question.map { atMenu ? .none : match(input, at: $0, session: session) } ?? .none
        let policy = question == nil || atMenu ? RoutingPolicy() : RoutingPolicy.atQuestion(answering: answer.isStrong)
        let understanding = understand(input, language: session.language, policy: policy)
        if case .safety(let interrupt) = understanding.decision {
            answerSafety(interrupt, routing: understanding.routing(for: compiled), in: &session, builder: &builder)
            return
        }
        guard let question else {
            route(understanding, in: &session, builder: &builder)
            return
        }
        if case .strong(let picked) = answer {
            take(picked, at: question, in: &session, builder: &builder)
            return
        }
        if compiled.words(session.language).sayConfused(input.words) {
            explain(question, in: &session, builder: &builder)
            return
        }
        if let language = understanding.otherLanguage {
            offerLanguage(language, in: &session, builder: &builder)
            return
        }
        if atMenu {
            route(understanding, in: &session, builder: &builder)
            return
        }
        if case .handoff = understanding.decision {
            builder.routing = understanding.routing(for: compiled)
            session.clearOffers()
            handOff(.requested, in: &session, builder: &builder)
            presentCurrent(session, builder: &builder, repeatMessages: false)
            return
        }
        if offerTopicSwitch(understanding, at: question, in: &session, builder: &builder) { return }
        if input.isQuestion, !answer.isWeak, offerOtherTopics(understanding, at: question, in: &session, builder: &builder) { return }
        if case .weak(let candidates) = answer {
            clarify(candidates, at: question, in: &session, builder: &builder)
            return
        }
        notUnderstood(at: question, in: &session, builder: &builder)
    }

    /// The question the conversation waits at, if any.
    func currentQuestion(_ session: DialogSession) -> WaitingQuestion? {
        guard let position = session.position, let node = compiled.nodeIndex[position] else { return nil }
        switch compiled.nodes[node].kind {
        case .ask, .input: return WaitingQuestion(node: node)
        default: return nil
        }
    }

    func answerSafety(_ interrupt: Int, routing: Routing?, in session: inout DialogSession, builder: inout TurnBuilder) {
        session.clearOffers()
        builder.outcome = .interrupted
        builder.routing = routing
        let item = compiled.interrupts[interrupt]
        for message in item.messages { builder.say(render(message, session)) }
        noteFacts(of: item.messages, in: &session)
        builder.cite(item.sources)
        let (flow, node) = positionIDs(session)
        builder.events.append(DialogEvent(.interrupted, flow: flow, node: node, answer: item.id))
        // A safety message also calls a person in, where the front end has one to call.
        handOff(.emergency, interrupt: item.id, in: &session, builder: &builder)
        presentCurrent(session, builder: &builder)
    }

    /// Confusion at a question: say how to answer it, and show it again.
    func explain(_ question: WaitingQuestion, in session: inout DialogSession, builder: inout TurnBuilder) {
        builder.outcome = .notUnderstood
        let strings = compiled.strings(session.language)
        switch compiled.nodes[question.node].kind {
        case .input(let input):
            switch input.type {
            case .yesNo: builder.say(strings.explainYesNo)
            case .number(let minimum, let maximum): builder.say(strings.answerNumber(minimum: minimum, maximum: maximum))
            case .text: builder.say(strings.explainText)
            case .oneOf: builder.say(strings.explainChoices)
            }
        default:
            builder.say(question.node == compiled.menuNode ? strings.explainMenu : strings.explainChoices)
        }
        presentCurrent(session, builder: &builder, repeatMessages: false)
    }

    func notUnderstood(at question: WaitingQuestion, in session: inout DialogSession, builder: inout TurnBuilder) {
        session.misses = session.misses < Int.max ? session.misses + 1 : session.misses
        let strings = compiled.strings(session.language)
        if case .input(let input) = compiled.nodes[question.node].kind {
            builder.outcome = .invalid
            let problem: String
            switch input.type {
            case .yesNo: problem = strings.answerYesOrNo
            case .number(let minimum, let maximum): problem = strings.answerNumber(minimum: minimum, maximum: maximum)
            case .text: problem = strings.emptyAnswer
            case .oneOf: problem = strings.notUnderstood(misses: session.misses)
            }
            builder.say(input.invalid.map { render($0, session) } ?? problem)
        } else {
            builder.outcome = .notUnderstood
            if session.misses == 1, case .ask(let ask) = compiled.nodes[question.node].kind, let custom = ask.noMatch {
                builder.say(render(custom, session))
            } else {
                builder.say(strings.notUnderstood(misses: session.misses))
            }
        }
        presentCurrent(session, builder: &builder, repeatMessages: false)
    }

    /// The interrupt whose keywords the text contains.
    func keywordInterrupt(for input: TypedText) -> Int? {
        compiled.interruptKeywords.find(in: input.words)
    }

    /// Whether the conversation waits for a typed text, where any words are an answer.
    func waitsForText(_ session: DialogSession) -> Bool {
        guard session.offeredTopics == nil, session.offeredFlow == nil, session.offeredLanguage == nil,
              let question = currentQuestion(session), case .input(let input) = compiled.nodes[question.node].kind,
              case .text = input.type else { return false }
        return true
    }

    func isAnswerPhrase(_ normalized: String, session: DialogSession) -> Bool {
        guard let position = session.position, let node = compiled.nodeIndex[position], let index = compiled.answerIndexes[node] else { return false }
        return index.entries.contains { $0.phrase.joined == normalized }
    }

    func render(_ text: LocalizedText, _ session: DialogSession) -> String {
        text.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables,
                    pack: compiled.pack(session.language))
    }
}

/// The ask or input node the conversation waits at.
struct WaitingQuestion {
    var node: Int
}
