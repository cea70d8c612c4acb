/// Runs conversations over a ``DialogBundle``.
///
/// The engine is an immutable value: all state lives in the ``DialogSession`` you pass in, so one
/// engine serves any number of sessions on any number of threads, and the same inputs always give
/// the same turns.
///
/// ```swift
/// let engine = DialogEngine(bundle: bundle)
/// var (session, greeting) = engine.start(language: "en")
/// let turn = engine.reply("my GP won't give me a referral", in: &session)
/// ```
public struct DialogEngine: Sendable {
    /// The dialogs this engine runs.
    public let bundle: DialogBundle
    /// Called with every event of every turn, in order, for embedders that want a live feed.
    public let observer: (@Sendable (DialogEvent) -> Void)?

    var compiled: CompiledBundle { bundle.compiled }

    /// Creates an engine over `bundle`, optionally reporting every event to `observer`.
    public init(bundle: DialogBundle, observer: (@Sendable (DialogEvent) -> Void)? = nil) {
        self.bundle = bundle
        self.observer = observer
    }

    /// Starts a conversation in `language` (the bundle's default when nil or unknown) and returns
    /// the new session with the greeting turn.
    public func start(language: String? = nil) -> (DialogSession, Turn) {
        let chosen = language.flatMap { compiled.languages.contains($0) ? $0 : nil } ?? compiled.defaultLanguage
        var session = DialogSession(language: chosen)
        var builder = TurnBuilder(outcome: .started)
        run(from: compiled.flows[compiled.entryFlow].start.target, in: &session, builder: &builder)
        return (session, finish(&builder, session: &session))
    }

    /// Handles one line typed by the person and returns the assistant's answer.
    public func reply(_ text: String, in session: inout DialogSession) -> Turn {
        let input = InputSanitizer.clean(text)
        session.transcript.append(TranscriptEntry(speaker: .person, text: input))
        var builder = TurnBuilder(outcome: .answered)
        handle(input, in: &session, builder: &builder)
        return finish(&builder, session: &session)
    }

    /// Undoes the last answer, as the `back` command does.
    public func back(_ session: inout DialogSession) -> Turn {
        var builder = TurnBuilder(outcome: .command)
        goBack(&session, builder: &builder)
        return finish(&builder, session: &session)
    }

    /// Starts over in the same language, keeping nothing but the language.
    public func restart(_ session: inout DialogSession) -> Turn {
        let language = session.language
        session = DialogSession(language: language)
        var builder = TurnBuilder(outcome: .started)
        run(from: compiled.flows[compiled.entryFlow].start.target, in: &session, builder: &builder)
        return finish(&builder, session: &session)
    }

    /// Switches the conversation's language and repeats the current question in it.
    public func setLanguage(_ language: String, in session: inout DialogSession) -> Turn {
        var builder = TurnBuilder(outcome: .command)
        changeLanguage(to: language, in: &session, builder: &builder)
        return finish(&builder, session: &session)
    }

    /// The current question again, without changing anything (for example after a reload).
    public func current(_ session: inout DialogSession) -> Turn {
        var builder = TurnBuilder(outcome: .command)
        presentCurrent(session, builder: &builder)
        return finish(&builder, session: &session, record: false)
    }

    /// The person's action plan in the session's language.
    public func plan(of session: DialogSession) -> [PlanEntry] {
        session.plan.compactMap { mark in
            guard let index = compiled.nodeIndex[mark.node], case .plan(let item, _) = compiled.nodes[index].kind else { return nil }
            return PlanEntry(id: item.id, text: item.text.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables),
                             sources: references(item.sources))
        }
    }

    /// The transcript of the conversation so far.
    public func transcript(of session: DialogSession) -> [TranscriptEntry] { session.transcript }

    // MARK: - Handling input

    private func handle(_ input: String, in session: inout DialogSession, builder: inout TurnBuilder) {
        let strings = EngineStrings(language: session.language)
        if TextNormalizer.words(input).isEmpty && !input.hasPrefix("/") && input != "?" {
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
            switch YesNoWords.interpret(TextNormalizer.words(input)) {
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

    private func answer(_ question: Question, at node: Int, with input: String, in session: inout DialogSession, builder: inout TurnBuilder) {
        // At the menu, free text is a question: the topics' trigger phrases know more about it
        // than the menu labels. A number or an exact label still picks the choice.
        if node == compiled.menuNode, !isAnswerPhrase(TextNormalizer.normalized(input), session: session),
           Int(TextNormalizer.normalized(input)) == nil, let flow = bestTopic(for: input) {
            switchTopic(to: compiled.flows[flow].id, in: &session, builder: &builder)
            return
        }
        switch AnswerMatcher.match(input, count: question.choices.count, index: compiled.answerIndexes[node]) {
        case .picked(let index):
            let choice = question.choices[index]
            session.history.append(session.checkpoint)
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

    private func answer(_ spec: Input, at node: Int, with input: String, in session: inout DialogSession, builder: inout TurnBuilder) {
        let strings = EngineStrings(language: session.language)
        var value: DialogValue?
        var problem: String
        switch spec.type {
        case .yesNo:
            value = YesNoWords.interpret(TextNormalizer.words(input)).map(DialogValue.bool)
            problem = strings.answerYesOrNo
        case .number(let minimum, let maximum):
            problem = strings.answerNumber(minimum: minimum, maximum: maximum)
            if let number = AnswerMatcher.number(in: input), number >= (minimum ?? -.infinity), number <= (maximum ?? .infinity) {
                value = .number(number)
            }
        case .text(let maximumLength):
            problem = strings.emptyAnswer
            value = .text(String(input.prefix(maximumLength)))
        case .oneOf(let options):
            problem = strings.notUnderstood(misses: session.misses + 1)
            switch AnswerMatcher.match(input, count: options.count, index: compiled.answerIndexes[node]) {
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
            session.misses += 1
            builder.outcome = .invalid
            builder.say(spec.invalid?.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables) ?? problem)
            presentCurrent(session, builder: &builder, repeatMessages: false)
            return
        }
        session.history.append(session.checkpoint)
        session.misses = 0
        let flow = compiled.flows[compiled.nodes[node].flow].id
        builder.events.append(DialogEvent(.answerGiven, flow: flow, node: compiled.nodes[node].id, answer: value.description))
        assign(spec.variable, value, at: node, in: &session, builder: &builder)
        run(from: spec.next.target, in: &session, builder: &builder)
    }

    private func notUnderstood(_ input: String, at node: Int, custom: LocalizedText?, in session: inout DialogSession, builder: inout TurnBuilder) {
        if offerTopicSwitch(for: input, at: node, in: &session, builder: &builder) { return }
        session.misses += 1
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
    private func offerTopicSwitch(for input: String, at node: Int, in session: inout DialogSession, builder: inout TurnBuilder) -> Bool {
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

    func bestTopic(for input: String, minimum: Double = PhraseMatcher.topicAtMenu) -> Int? {
        let ranked = PhraseMatcher.rank(TextNormalizer.words(input), in: compiled.triggerIndex)
        guard let best = ranked.first, best.score >= minimum else { return nil }
        if ranked.count > 1, best.score - ranked[1].score < PhraseMatcher.tieMargin / 2 { return nil }
        return best.target
    }

    private func interrupt(for input: String) -> Int? {
        // Interrupts must not fire on a near miss ("door" is not "dood"): typos count only in long words.
        let ranked = PhraseMatcher.rank(TextNormalizer.words(input), in: compiled.interruptIndex, shortestTypo: 7)
        guard let best = ranked.first, best.score >= PhraseMatcher.interrupt else { return nil }
        return best.target
    }

    private func isAnswerPhrase(_ normalized: String, session: DialogSession) -> Bool {
        guard let position = session.position, let node = compiled.nodeIndex[position], let index = compiled.answerIndexes[node] else { return false }
        return index.entries.contains { $0.phrase.joined == normalized }
    }

    private func switchTopic(to flowID: String, in session: inout DialogSession, builder: inout TurnBuilder) {
        guard let flow = compiled.flowIndex[flowID] else { return }
        session.history.append(session.checkpoint)
        session.misses = 0
        session.callStack = []
        session.ended = false
        builder.outcome = .answered
        builder.events.append(DialogEvent(.topicChanged, flow: flowID, node: compiled.nodes[compiled.flows[flow].start.target].id))
        run(from: compiled.flows[flow].start.target, in: &session, builder: &builder)
    }

    // MARK: - Commands

    private func perform(_ command: Command, in session: inout DialogSession, builder: inout TurnBuilder) {
        let strings = EngineStrings(language: session.language)
        switch command {
        case .help:
            builder.say(strings.help)
            presentCurrent(session, builder: &builder, repeatMessages: false)
        case .back:
            goBack(&session, builder: &builder)
        case .restart:
            let language = session.language
            let transcript = session.transcript
            session = DialogSession(language: language)
            session.transcript = transcript
            builder.outcome = .started
            run(from: compiled.flows[compiled.entryFlow].start.target, in: &session, builder: &builder)
        case .topics:
            session.history.append(session.checkpoint)
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
        case .quit:
            builder.outcome = .quit
            builder.say(strings.goodbye)
            let (flow, node) = positionIDs(session)
            session.history.append(session.checkpoint)
            session.ended = true
            session.position = nil
            builder.events.append(DialogEvent(.ended, flow: flow, node: node))
        }
    }

    private func goBack(_ session: inout DialogSession, builder: inout TurnBuilder) {
        guard let checkpoint = session.history.popLast() else {
            builder.say(EngineStrings(language: session.language).nothingToUndo)
            presentCurrent(session, builder: &builder, repeatMessages: false)
            return
        }
        session.restore(checkpoint)
        builder.say(EngineStrings(language: session.language).wentBack)
        presentCurrent(session, builder: &builder)
    }

    private func changeLanguage(to language: String, in session: inout DialogSession, builder: inout TurnBuilder) {
        guard compiled.languages.contains(language) else {
            builder.say(EngineStrings(language: session.language).unknownLanguage(language, available: compiled.languages))
            presentCurrent(session, builder: &builder, repeatMessages: false)
            return
        }
        session.language = language
        builder.say(EngineStrings(language: language).languageChanged(to: language))
        presentCurrent(session, builder: &builder)
    }

    // MARK: - Moving through nodes

    /// Runs nodes from `start` until one waits for input or the conversation ends.
    func run(from start: Int, in session: inout DialogSession, builder: inout TurnBuilder) {
        var index = start
        // Validation rejects loops without input; the cap guards bundles loaded some other way.
        for _ in 0..<10_000 {
            guard index >= 0 else { break }
            let node = compiled.nodes[index]
            let flowID = compiled.flows[node.flow].id
            builder.events.append(DialogEvent(.nodeEntered, flow: flowID, node: node.id))
            builder.cite(node.citedSources)
            let render = { (text: LocalizedText, session: DialogSession) in
                text.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables)
            }
            switch node.kind {
            case .ask, .input:
                session.position = compiled.qualifiedID(of: index)
                session.ended = false
                present(index, session: session, builder: &builder)
                return
            case .say(let next):
                for message in node.messages { builder.say(render(message, session)) }
                index = next.target
            case .branch(let cases, let otherwise):
                index = cases.first { $0.condition.expression.isTrue(session.variables) }?.next.target ?? otherwise.target
            case .goto(let target):
                index = target.target
            case .call(let callee, let next):
                session.callStack.append(compiled.qualifiedID(of: next.target))
                index = compiled.flows[callee.target].start.target
            case .set(let assignments, let next):
                for assignment in assignments {
                    if let value = assignment.value.expression.evaluate(session.variables) {
                        assign(assignment.variable, value, at: index, in: &session, builder: &builder)
                    }
                }
                index = next.target
            case .plan(let item, let next):
                for message in node.messages { builder.say(render(message, session)) }
                if !session.plan.contains(where: { $0.item == item.id }) {
                    session.plan.append(DialogSession.PlanMark(item: item.id, node: compiled.qualifiedID(of: index)))
                    builder.events.append(DialogEvent(.planItemAdded, flow: flowID, node: node.id, planItem: item.id))
                }
                index = next.target
            case .end:
                for message in node.messages { builder.say(render(message, session)) }
                if let returnPoint = session.callStack.popLast(), let target = compiled.nodeIndex[returnPoint] {
                    index = target
                    continue
                }
                session.position = nil
                session.ended = true
                builder.events.append(DialogEvent(.ended, flow: flowID, node: node.id))
                return
            }
        }
    }

    private func assign(_ variable: String, _ value: DialogValue, at node: Int, in session: inout DialogSession, builder: inout TurnBuilder) {
        session.variables[variable] = value
        let flow = compiled.flows[compiled.nodes[node].flow].id
        builder.events.append(DialogEvent(.variableSet, flow: flow, node: compiled.nodes[node].id, variable: variable, value: value))
    }

    /// Shows the waiting node again: its messages (unless only the question needs repeating).
    func presentCurrent(_ session: DialogSession, builder: inout TurnBuilder, repeatMessages: Bool = true) {
        guard let position = session.position, let index = compiled.nodeIndex[position] else {
            if session.ended && builder.outcome != .quit && builder.messages.isEmpty {
                builder.say(EngineStrings(language: session.language).conversationEnded)
            }
            return
        }
        if repeatMessages {
            for message in compiled.nodes[index].messages {
                builder.say(message.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables))
            }
            builder.cite(compiled.nodes[index].citedSources)
        }
    }

    private func present(_ index: Int, session: DialogSession, builder: inout TurnBuilder) {
        for message in compiled.nodes[index].messages {
            builder.say(message.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables))
        }
    }

    private func positionIDs(_ session: DialogSession) -> (String, String) {
        guard let position = session.position, let index = compiled.nodeIndex[position] else {
            return (compiled.flows[compiled.entryFlow].id, "")
        }
        return (compiled.flows[compiled.nodes[index].flow].id, compiled.nodes[index].id)
    }

    // MARK: - Building the turn

    private func finish(_ builder: inout TurnBuilder, session: inout DialogSession, record: Bool = true) -> Turn {
        var question: String?
        var choices: [Turn.Choice] = []
        var expects = Turn.Expectation.none
        var flow = compiled.flows[compiled.entryFlow].id
        var nodeID = ""
        let (language, variables, fallback) = (session.language, session.variables, compiled.defaultLanguage)
        let render = { (text: LocalizedText) in
            text.render(language: language, fallback: fallback, variables: variables)
        }
        if let offered = session.offeredFlow, let position = session.position, let index = compiled.nodeIndex[position] {
            // A pending topic switch is a yes/no question of the engine's own.
            let strings = EngineStrings(language: session.language)
            flow = compiled.flows[compiled.nodes[index].flow].id
            nodeID = compiled.nodes[index].id
            _ = offered
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
                        sources: references(builder.sourceIDs), plan: plan(of: session), ended: session.ended,
                        outcome: builder.outcome, events: builder.events)
        if record {
            var shown = builder.messages
            if let question { shown.append(question) }
            if session.offeredFlow == nil, !choices.isEmpty { shown.append(choices.map { "\($0.number). \($0.label)" }.joined(separator: "\n")) }
            session.transcript.append(TranscriptEntry(speaker: .bot, text: shown.joined(separator: "\n\n")))
        }
        if let observer { for event in builder.events { observer(event) } }
        return turn
    }

    func references(_ ids: [String]) -> [SourceReference] {
        ids.compactMap { id in
            compiled.sources[id].map { SourceReference(id: $0.id, title: $0.title, publisher: $0.publisher, url: $0.url, checked: $0.checked) }
        }
    }
}
