/// What a turn asks at its end: the question, the choices shown with it and the kind of answer
/// it expects. Either the waiting node's (`DialogEngine.questionAsked`) or, while one of the
/// engine's offers waits, the engine's own (`DialogEngine.offerAsked`).
struct Asking {
    var question: String?
    var choices: [Turn.Choice] = []
    var expects = Turn.Expectation.none
}

extension DialogEngine {
    /// The question of the node the conversation waits at, if it waits at one.
    func questionAsked(_ session: DialogSession) -> Asking {
        guard let position = session.position, let index = compiled.nodeIndex[position] else { return Asking() }
        // The pack looked up once for the question and all its choices.
        let (language, variables, fallback, pack) = (session.language, session.variableValues, compiled.defaultLanguage, compiled.pack(session.language))
        let render = { (text: LocalizedText) in text.render(language: language, fallback: fallback, variables: variables, pack: pack) }
        switch compiled.nodes[index].kind {
        case .ask(let ask):
            // By index: iterating would copy every choice with its synonyms, assignments and origin.
            let choices = ask.choices.indices.map { Turn.Choice(number: $0 + 1, id: ask.choices[$0].id, label: render(ask.choices[$0].label)) }
            return Asking(question: render(ask.text), choices: choices, expects: .init(kind: .choice))
        case .input(let input):
            var asking = Asking(question: render(input.question))
            switch input.type {
            case .yesNo: asking.expects = .init(kind: .yesNo)
            case .number(let minimum, let maximum): asking.expects = .init(kind: .number, minimum: minimum, maximum: maximum)
            case .text: asking.expects = .init(kind: .text)
            case .oneOf(let options):
                asking.choices = options.indices.map { Turn.Choice(number: $0 + 1, id: options[$0].value, label: render(options[$0].label)) }
                asking.expects = .init(kind: .choice)
            }
            return asking
        default:
            return Asking()
        }
    }
}
