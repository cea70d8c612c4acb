/// The commands a person can give anywhere: help, back, restart, topics, language, plan, human, quit.
extension DialogEngine {
    func perform(_ command: Command, in session: inout DialogSession, builder: inout TurnBuilder) {
        let strings = compiled.strings(session.language)
        switch command {
        case .help:
            builder.say(strings.help)
            presentCurrent(session, builder: &builder, repeatMessages: false)
        case .back:
            goBack(&session, builder: &builder)
        case .restart:
            let transcript = session.transcript
            session = DialogSession(language: session.language, startedAt: session.startedAt)
            session.transcript = transcript
            builder.outcome = .started
            run(from: compiled.flows[compiled.entryFlow].start.target, in: &session, builder: &builder)
        case .topics:
            session.rememberForBack()
            session.callStack = []
            session.ended = false
            session.offeredFlow = nil
            run(from: compiled.menuNode, in: &session, builder: &builder)
        case .language(let requested):
            let target = requested ?? (compiled.languages.first { $0 != session.language } ?? session.language)
            changeLanguage(to: target, in: &session, builder: &builder)
        case .plan:
            let entries = plan(of: session)
            if entries.isEmpty {
                builder.say(strings.emptyPlan)
            } else {
                builder.say(([strings.planHeading] + entries.enumerated().map { "\($0.offset + 1). \($0.element.text)" }).joined(separator: "\n"))
                builder.cite(entries.flatMap { $0.sources.map(\.id) })
            }
            presentCurrent(session, builder: &builder, repeatMessages: false)
        case .human:
            handOff(.requested, in: &session, builder: &builder)
            presentCurrent(session, builder: &builder, repeatMessages: false)
        case .quit:
            builder.outcome = .quit
            builder.say(strings.goodbye)
            let (flow, node) = positionIDs(session)
            session.rememberForBack()
            session.ended = true
            session.position = nil
            builder.events.append(DialogEvent(.ended, flow: flow, node: node))
        }
    }

    func goBack(_ session: inout DialogSession, builder: inout TurnBuilder) {
        guard let checkpoint = session.history.popLast() else {
            builder.say(compiled.strings(session.language).nothingToUndo)
            presentCurrent(session, builder: &builder, repeatMessages: false)
            return
        }
        session.restore(checkpoint)
        builder.say(compiled.strings(session.language).wentBack)
        presentCurrent(session, builder: &builder)
    }

    func changeLanguage(to language: String, in session: inout DialogSession, builder: inout TurnBuilder) {
        guard compiled.languages.contains(language) else {
            builder.say(compiled.strings(session.language).unknownLanguage(language, available: compiled.languages))
            presentCurrent(session, builder: &builder, repeatMessages: false)
            return
        }
        session.language = language
        session.clearOffers()
        builder.say(compiled.strings(language).languageChanged)
        presentCurrent(session, builder: &builder)
    }

}
