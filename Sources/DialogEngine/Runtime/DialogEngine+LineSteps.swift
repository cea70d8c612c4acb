/// The steps of ``LineStep``, in its order. Each returns the turn's outcome when it handles the
/// line, nil when it passes it on.
extension DialogEngine {
    func nothingTyped(_ line: TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let input = line.input
        guard input.words.isEmpty && !input.text.hasPrefix("/") && input.text != "?" else { return nil }
        turn.builder.say(compiled.strings(turn.session.language).emptyAnswer)
        presentCurrent(in: &turn)
        return .notUnderstood
    }

    func safetyKeyword(_ line: TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        guard let interrupt = keywordInterrupt(for: line.input) else { return nil }
        answerSafety(interrupt, routing: nil, in: &turn)
        return .interrupted
    }

    func command(_ line: TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        guard let command = Command.parse(line.input, words: compiled.words(turn.session.language), isAnswer: { words, command in
            // A plain "mens" or "human" typed where free text is asked for is that answer.
            isAnswerPhrase(words, session: turn.session) || (command == .human && waitsForText(turn.session))
        }) else { return nil }
        turn.session.clearOffers()
        return perform(command, in: &turn)
    }

    func exactAnswer(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        guard let question = place(of: &line, turn.session).question,
              let answer = exactFit(line.input, at: question, words: compiled.words(turn.session.language)) else { return nil }
        take(answer, at: question, in: &turn)
        return .answered
    }

    func mention(_ line: TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        if line.input.words.count >= 3 { turn.session.remember(mention: line.input.text) }
        return nil
    }

    func languageRequest(_ line: TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let current = turn.session.language
        guard let language = compiled.words(current).requestedLanguage(in: line.input.words, among: compiled.languages),
              language != current else { return nil }
        turn.session.clearOffers()
        changeLanguage(to: language, in: &turn)
        return .command
    }

    func safetyNet(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let understanding = reading(of: &line, turn.session).understanding
        guard case .safety(let interrupt) = understanding.decision else { return nil }
        answerSafety(interrupt, routing: understanding.routing(for: compiled), in: &turn)
        return .interrupted
    }

    func strongAnswer(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let reading = reading(of: &line, turn.session)
        guard case .question(let question) = reading.place, case .strong(let answer) = reading.answer else { return nil }
        take(answer, at: question, in: &turn)
        return .answered
    }

    func confusion(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let place = place(of: &line, turn.session)
        guard let question = place.question, compiled.words(turn.session.language).sayConfused(line.input.words) else { return nil }
        explain(question, atMenu: place.isMenu, in: &turn)
        return .notUnderstood
    }

    func otherLanguage(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let reading = reading(of: &line, turn.session)
        guard reading.place.question != nil, let language = reading.understanding.otherLanguage else { return nil }
        offerLanguage(language, in: &turn)
        return .switchOffered
    }

    func topicRoute(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let reading = reading(of: &line, turn.session)
        guard reading.place.picksTopic else { return nil }
        return route(reading.understanding, at: reading.place, in: &turn)
    }

    func handoffRequest(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let reading = reading(of: &line, turn.session)
        guard case .question = reading.place, case .handoff = reading.understanding.decision else { return nil }
        turn.builder.routing = reading.understanding.routing(for: compiled)
        handOffOnRequest(in: &turn)
        // A handoff is no outcome of its own: the turn answered, as `reply` always said.
        return .answered
    }

    func topicSwitch(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let reading = reading(of: &line, turn.session)
        guard case .question(let question) = reading.place,
              offerTopicSwitch(reading.understanding, at: question, in: &turn) else { return nil }
        return .switchOffered
    }

    func otherTopics(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let reading = reading(of: &line, turn.session)
        guard case .question(let question) = reading.place, line.input.isQuestion, !reading.answer.isWeak,
              offerOtherTopics(reading.understanding, at: question, in: &turn) else { return nil }
        return .clarification
    }

    func weakAnswer(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        let reading = reading(of: &line, turn.session)
        guard case .question(let question) = reading.place, case .weak(let candidates) = reading.answer else { return nil }
        clarify(candidates, at: question, in: &turn)
        return .clarification
    }

    func notUnderstood(_ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        guard case .question(let question) = place(of: &line, turn.session) else { return nil }
        return helpAfterMiss(at: question, in: &turn)
    }
}
