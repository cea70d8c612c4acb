/// Understanding one line typed by the person: the steps of ``LineStep`` in their order, each
/// asked in turn until one handles the line. The outcome the step returns is the turn's.
extension DialogEngine {
    func handle(_ input: TypedText, in turn: inout TurnContext) {
        var line = TypedLine(input)
        for step in LineStep.allCases {
            guard let outcome = attempt(step, &line, in: &turn) else { continue }
            turn.builder.outcome = outcome
            return
        }
    }

    /// Runs one step on the line: the outcome when it handled it, nil when it passed.
    private func attempt(_ step: LineStep, _ line: inout TypedLine, in turn: inout TurnContext) -> Turn.Outcome? {
        switch step {
        case .nothingTyped: nothingTyped(line, in: &turn)
        case .safetyKeyword: safetyKeyword(line, in: &turn)
        case .command: command(line, in: &turn)
        case .offer: takeOffer(line.input, in: &turn)
        case .exactAnswer: exactAnswer(&line, in: &turn)
        case .mention: mention(line, in: &turn)
        case .languageRequest: languageRequest(line, in: &turn)
        case .safetyNet: safetyNet(&line, in: &turn)
        case .strongAnswer: strongAnswer(&line, in: &turn)
        case .confusion: confusion(&line, in: &turn)
        case .otherLanguage: otherLanguage(&line, in: &turn)
        case .topicRoute: topicRoute(&line, in: &turn)
        case .handoffRequest: handoffRequest(&line, in: &turn)
        case .topicSwitch: topicSwitch(&line, in: &turn)
        case .otherTopics: otherTopics(&line, in: &turn)
        case .weakAnswer: weakAnswer(&line, in: &turn)
        case .notUnderstood: notUnderstood(&line, in: &turn)
        }
    }

    /// Where `line` was typed, worked out once.
    func place(of line: inout TypedLine, _ session: DialogSession) -> TypedLine.Place {
        if let place = line.place { return place }
        let place: TypedLine.Place
        if let question = currentQuestion(session) {
            place = question.node == compiled.menuNode ? .menu(question) : .question(question)
        } else {
            place = .nowhere
        }
        line.place = place
        return place
    }

    /// What the answer matcher and the classifier make of `line`, read once. At a flow's
    /// question the policy knows whether the line also answers it strongly.
    func reading(of line: inout TypedLine, _ session: DialogSession) -> TypedLine.Reading {
        if let reading = line.reading { return reading }
        let place = place(of: &line, session)
        let answer: AnswerFit
        let policy: RoutingPolicy
        if case .question(let question) = place {
            answer = match(line.input, at: question, session: session)
            policy = RoutingPolicy.atQuestion(answering: answer.isStrong)
        } else {
            (answer, policy) = (.none, RoutingPolicy())
        }
        let understanding = understand(line.input, language: session.language, policy: policy)
        let reading = TypedLine.Reading(place: place, answer: answer, understanding: understanding)
        line.reading = reading
        return reading
    }

    /// The question the conversation waits at, if any.
    func currentQuestion(_ session: DialogSession) -> WaitingQuestion? {
        guard let position = session.position, let node = compiled.nodeIndex[position] else { return nil }
        switch compiled.nodes[node].kind {
        case .ask, .input: return WaitingQuestion(node: node)
        default: return nil
        }
    }

    /// The interrupt whose keywords the text contains.
    func keywordInterrupt(for input: TypedText) -> Int? {
        compiled.interruptKeywords.find(in: input.words, listed: input.listed)
    }

    /// Whether the conversation waits for a typed text, where any words are an answer.
    func waitsForText(_ session: DialogSession) -> Bool {
        guard session.offeredTopics == nil, session.offeredFlow == nil, session.offeredLanguage == nil,
              let question = currentQuestion(session), case .input(let input) = compiled.nodes[question.node].kind,
              case .text = input.type else { return false }
        return true
    }

    func isAnswerPhrase(_ words: [String], session: DialogSession) -> Bool {
        guard let position = session.position, let node = compiled.nodeIndex[position], let index = compiled.answerIndexes[node] else { return false }
        return index.entries.contains { index.phrase(of: $0, is: words) }
    }

    func render(_ text: LocalizedText, _ session: DialogSession) -> String {
        text.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variableValues,
                    pack: compiled.pack(session.language))
    }
}
