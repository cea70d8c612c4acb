/// Turning what happened into the ``Turn`` a front end shows.
extension DialogEngine {
    func finish(_ builder: inout TurnBuilder, session: inout DialogSession, record: Bool = true) -> Turn {
        var question: String?
        var choices: [Turn.Choice] = []
        var expects = Turn.Expectation.none
        var flow = compiled.flows[compiled.entryFlow].id
        var nodeID = ""
        let (language, variables, fallback) = (session.language, session.variables, compiled.defaultLanguage)
        let pack = compiled.pack(language)
        let render = { (text: LocalizedText) in
            text.render(language: language, fallback: fallback, variables: variables, pack: pack)
        }
        let strings = compiled.strings(session.language)
        if let position = session.position, let index = compiled.nodeIndex[position] {
            flow = compiled.flows[compiled.nodes[index].flow].id
            nodeID = compiled.nodes[index].id
        }
        if let topics = session.offeredTopics {
            // Unsure which topic was meant: the engine's own question, with the likely topics.
            question = topics.count == 1 ? nil : strings.whichTopic
            choices = topics.enumerated().compactMap { offset, id in
                compiled.flowIndex[id].map { Turn.Choice(number: offset + 1, id: id, label: render(compiled.flows[$0].title)) }
            }
            if topics.count == 1, let only = choices.first {
                question = strings.isItAbout(only.label)
                choices = [Turn.Choice(number: 1, id: only.id, label: strings.yes), Turn.Choice(number: 2, id: "no", label: strings.no)]
            }
            expects = Turn.Expectation(kind: .choice)
        } else if let language = session.offeredLanguage {
            let other = compiled.strings(language)
            question = other.continueIn
            choices = [Turn.Choice(number: 1, id: "yes", label: other.yes), Turn.Choice(number: 2, id: "no", label: other.no)]
            expects = Turn.Expectation(kind: .yesNo)
        } else if session.offeredFlow != nil, session.position != nil {
            // A pending topic switch is a yes/no question of the engine's own.
            choices = [Turn.Choice(number: 1, id: "yes", label: strings.yes), Turn.Choice(number: 2, id: "no", label: strings.no)]
            expects = Turn.Expectation(kind: .yesNo)
        } else if let position = session.position, let index = compiled.nodeIndex[position] {
            let node = compiled.nodes[index]
            flow = compiled.flows[node.flow].id
            nodeID = node.id
            switch node.kind {
            case .ask(let ask):
                question = render(ask.text)
                choices = ask.choices.enumerated().map { Turn.Choice(number: $0.offset + 1, id: $0.element.id, label: render($0.element.label)) }
                expects = Turn.Expectation(kind: .choice)
            case .input(let input):
                question = render(input.question)
                switch input.type {
                case .yesNo: expects = Turn.Expectation(kind: .yesNo)
                case .number(let minimum, let maximum): expects = Turn.Expectation(kind: .number, minimum: minimum, maximum: maximum)
                case .text: expects = Turn.Expectation(kind: .text)
                case .oneOf(let options):
                    choices = options.enumerated().map { Turn.Choice(number: $0.offset + 1, id: $0.element.value, label: render($0.element.label)) }
                    expects = Turn.Expectation(kind: .choice)
                }
            default:
                break
            }
        } else if let last = builder.events.last(where: { $0.kind == .nodeEntered || $0.kind == .ended }) {
            flow = last.flow
            nodeID = last.node
        }
        let turn = Turn(flow: flow, node: nodeID, messages: builder.messages, question: question, choices: choices, expects: expects,
                        sources: references(builder.sourceIDs, language: session.language), plan: plan(of: session), ended: session.ended,
                        outcome: builder.outcome, events: builder.events, routing: builder.routing, handoff: builder.handoff)
        if record {
            var shown = builder.messages
            if let question { shown.append(question) }
            if session.offeredFlow == nil, session.offeredLanguage == nil, !choices.isEmpty { shown.append(choices.map { "\($0.number). \($0.label)" }.joined(separator: "\n")) }
            session.record(TranscriptEntry(speaker: .bot, text: shown.joined(separator: "\n\n")), limit: transcriptLimit, strings: compiled.strings(session.language))
        }
        if let observer { for event in builder.events { observer(event) } }
        return turn
    }

    /// The cited sources with their title and publisher in `language`.
    func references(_ ids: [String], language: String) -> [SourceReference] {
        let fallback = compiled.defaultLanguage
        return ids.compactMap { id in
            compiled.sources[id].map {
                SourceReference(id: $0.id, title: $0.title.render(language: language, fallback: fallback, variables: [:]),
                                publisher: $0.publisher.render(language: language, fallback: fallback, variables: [:]), url: $0.url, checked: $0.checked)
            }
        }
    }
}
