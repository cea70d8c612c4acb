/// The commands a person can give anywhere: help, back, restart, topics, language, plan, human, quit.
extension DialogEngine {
    /// Carries out `command` and returns the turn's outcome.
    func perform(_ command: Command, in turn: inout TurnContext) -> Turn.Outcome {
        let strings = compiled.strings(turn.session.language)
        switch command {
        case .help:
            turn.builder.say(strings.help)
            presentCurrent(in: &turn, repeatMessages: false)
        case .back:
            goBack(in: &turn)
        case .restart:
            let lines = turn.session.lines
            turn.session = DialogSession(language: turn.session.language, startedAt: turn.session.startedAt)
            turn.session.lines = lines
            run(from: compiled.flows[compiled.entryFlow].start.target, in: &turn)
            return .started
        case .topics:
            turn.session.rememberForBack()
            turn.session.callStack = []
            turn.session.ended = false
            turn.session.offeredFlow = nil
            run(from: compiled.menuNode, in: &turn)
        case .language(let requested):
            let target = requested ?? (compiled.languages.first { $0 != turn.session.language } ?? turn.session.language)
            changeLanguage(to: target, in: &turn)
        case .plan:
            showPlan(in: &turn)
        case .human:
            handOff(.requested, in: &turn)
            presentCurrent(in: &turn, repeatMessages: false)
        case .quit:
            turn.builder.say(strings.goodbye)
            let (flow, node) = positionIDs(turn.session)
            turn.session.rememberForBack()
            turn.session.ended = true
            turn.session.position = nil
            turn.builder.events.append(DialogEvent(.ended, flow: flow, node: node))
            return .quit
        }
        return .command
    }

    /// The person's plan so far, with its sources, and the question again.
    func showPlan(in turn: inout TurnContext) {
        let strings = compiled.strings(turn.session.language)
        let entries = plan(of: turn.session)
        if entries.isEmpty {
            turn.builder.say(strings.emptyPlan)
        } else {
            turn.builder.say(([strings.planHeading] + entries.enumerated().map { "\($0.offset + 1). \($0.element.text)" }).joined(separator: "\n"))
            turn.builder.cite(entries.flatMap { $0.sources.map(\.id) })
        }
        presentCurrent(in: &turn, repeatMessages: false)
    }

    func goBack(in turn: inout TurnContext) {
        guard let checkpoint = turn.session.history.popLast() else {
            turn.builder.say(compiled.strings(turn.session.language).nothingToUndo)
            presentCurrent(in: &turn, repeatMessages: false)
            return
        }
        turn.session.restore(checkpoint)
        turn.builder.say(compiled.strings(turn.session.language).wentBack)
        presentCurrent(in: &turn)
    }

    func changeLanguage(to language: String, in turn: inout TurnContext) {
        guard compiled.languages.contains(language) else {
            turn.builder.say(compiled.strings(turn.session.language).unknownLanguage(language, available: compiled.languages))
            presentCurrent(in: &turn, repeatMessages: false)
            return
        }
        turn.session.language = language
        turn.session.clearOffers()
        turn.builder.say(compiled.strings(language).languageChanged)
        presentCurrent(in: &turn)
    }
}
