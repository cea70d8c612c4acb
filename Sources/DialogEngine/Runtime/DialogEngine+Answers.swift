/// Answers to the question the conversation waits at: exact ones first, then answers in the
/// person's own words, and the choices a weak answer might have meant.
extension DialogEngine {
    /// An answer that fits the question.
    enum Answer {
        /// A choice of an ask node, or an option of a oneOf input (its index).
        case choice(Int)
        /// A typed value of an input node.
        case value(DialogValue)
    }

    /// How well what was typed answers the question.
    enum AnswerFit {
        case strong(Answer)
        /// Choices the person may have meant; never taken without asking.
        case weak([Int])
        case none

        var isStrong: Bool {
            if case .strong = self { return true }
            return false
        }

        var isWeak: Bool {
            if case .weak = self { return true }
            return false
        }
    }

    /// An answer that needs no interpretation: a choice's number, a label or synonym typed whole,
    /// a short yes or no, a bare number. Exact answers win outright, whatever else matches.
    func exactFit(_ input: TypedText, at question: WaitingQuestion, words known: LanguageWords) -> Answer? {
        let words = input.words
        switch compiled.nodes[question.node].kind {
        case .ask(let ask):
            return exactChoice(words, count: ask.choices.count, at: question.node).map(Answer.choice)
        case .input(let spec):
            switch spec.type {
            case .oneOf(let options):
                return exactChoice(words, count: options.count, at: question.node).map(Answer.choice)
            case .yesNo:
                guard words.count <= 3, !known.sayConfused(words), let yes = known.interpretYesNo(words) else { return nil }
                return .value(.bool(yes))
            case .number(let minimum, let maximum):
                guard words.count == 1, let number = AnswerMatcher.number(in: input.text),
                      number >= (minimum ?? -.infinity), number <= (maximum ?? .infinity) else { return nil }
                return .value(.number(number))
            case .text:
                return nil
            }
        default:
            return nil
        }
    }

    /// The choice whose number, label or synonym is exactly what was typed, when only one is.
    func exactChoice(_ words: [String], count: Int, at node: Int) -> Int? {
        if words.count == 1, let number = Int(words[0]) { return (1...max(1, count)).contains(number) && count > 0 ? number - 1 : nil }
        guard let index = compiled.answerIndexes[node] else { return nil }
        // What the author wrote wins over the engine's own yes/no words.
        var authored = SingleTarget()
        var all = SingleTarget()
        for entry in index.entries where index.phrase(of: entry, is: words) {
            all.add(entry.target)
            if entry.authored { authored.add(entry.target) }
        }
        return authored.isEmpty ? all.only : authored.only
    }

    /// The targets seen, as far as telling none, exactly one, or several apart.
    private struct SingleTarget {
        private var first: Int?
        private var several = false

        var isEmpty: Bool { first == nil }
        /// The target when exactly one was seen (however often).
        var only: Int? { several ? nil : first }

        mutating func add(_ target: Int) {
            if let first { several = several || first != target } else { first = target }
        }
    }

    /// An answer in the person's own words. A choice that ends the conversation is only taken on
    /// a near-exact match: "ik snap het niet" must never say goodbye.
    func match(_ input: TypedText, at question: WaitingQuestion, session: DialogSession) -> AnswerFit {
        switch compiled.nodes[question.node].kind {
        case .ask(let ask):
            return matchChoice(input.words, head: input.head, count: ask.choices.count, at: question.node, isQuestion: input.isQuestion,
                               ending: { leadsToEnd(ask.choices[$0].next.target, session: session) })
        case .input(let spec):
            switch spec.type {
            case .oneOf(let options):
                return matchChoice(input.words, head: input.head, count: options.count, at: question.node, isQuestion: input.isQuestion, ending: { _ in false })
            case .yesNo:
                guard !compiled.words(session.language).sayConfused(input.words) else { return .none }
                return compiled.words(session.language).interpretYesNo(input.words).map { .strong(.value(.bool($0))) } ?? .none
            case .number(let minimum, let maximum):
                guard let number = AnswerMatcher.number(in: input.text), number >= (minimum ?? -.infinity), number <= (maximum ?? .infinity) else { return .none }
                return .strong(.value(.number(number)))
            case .text(let maximumLength):
                return .strong(.value(.text(String(input.text.prefix(maximumLength)))))
            }
        default:
            return .none
        }
    }

    private func matchChoice(_ words: [String], head: [String], count: Int, at node: Int, isQuestion: Bool, ending: (Int) -> Bool) -> AnswerFit {
        // An answer followed by more ("basic, and I already have a referral"): the part before
        // the first comma or "and" is a label or synonym.
        if head.count < words.count, let choice = exactChoice(head, count: count, at: node) {
            return .strong(.choice(choice))
        }
        guard let index = compiled.answerIndexes[node] else { return .none }
        switch AnswerMatcher.match(words, index: index) {
        case .picked(let choice, let score):
            // A question of the person's own that shares a word with a label is a question, not
            // an answer ("do I need a referral from my GP?" at "What are you unsure about?").
            let needed = ending(choice) ? AnswerMatcher.endingScore : isQuestion ? AnswerMatcher.questionScore : 0
            return score < needed ? .weak([choice]) : .strong(.choice(choice))
        case .unclear(let candidates): return .weak(candidates)
        case .none: return .none
        }
    }

    /// Whether choosing may lead straight to the end of the whole conversation: on some path
    /// through says, sets, plans, gotos and branches (whatever the branch decides later).
    func leadsToEnd(_ start: Int, session: DialogSession) -> Bool {
        guard session.callStack.isEmpty else { return false }
        var pending = [start]
        var seen = Set<Int>()
        while let index = pending.popLast(), seen.count < 200 {
            guard index >= 0, seen.insert(index).inserted else { continue }
            switch compiled.nodes[index].kind {
            case .end: return true
            case .say(let next), .set(_, let next), .plan(_, let next), .goto(let next): pending.append(next.target)
            case .branch(let cases, let otherwise): pending += cases.map(\.next.target) + [otherwise.target]
            default: continue
            }
        }
        return false
    }

    /// Records `answer` and moves on from the question.
    func take(_ answer: Answer, at question: WaitingQuestion, in turn: inout TurnContext) {
        turn.session.rememberForBack()
        turn.session.misses = 0
        turn.session.clearOffers()
        let next = record(answer, at: question.node, in: &turn)
        run(from: next, in: &turn)
    }

    /// Sets what `answer` sets and returns the node to go on from.
    func record(_ answer: Answer, at node: Int, in turn: inout TurnContext) -> Int {
        let flow = compiled.flows[compiled.nodes[node].flow].id
        let nodeID = compiled.nodes[node].id
        switch (compiled.nodes[node].kind, answer) {
        case (.ask(let ask), .choice(let index)):
            // The choice's parts in place: a copy of the choice would retain all of it.
            let id = ask.choices[index].id
            turn.builder.events.append(DialogEvent(.answerGiven, flow: flow, node: nodeID, answer: id))
            turn.session.record(answer: DialogSession.AnswerMark(node: compiled.qualifiedID(of: node), choice: id))
            if let variable = ask.variable { assign(variable, .text(id), at: node, in: &turn) }
            assign(ask.choices[index].assignments, at: node, in: &turn)
            return ask.choices[index].next.target
        case (.input(let spec), _):
            var value: DialogValue
            let mark: DialogSession.AnswerMark
            switch (spec.type, answer) {
            case (.oneOf(let options), .choice(let index)):
                value = .text(options[index].value)
                mark = DialogSession.AnswerMark(node: compiled.qualifiedID(of: node), choice: options[index].value)
            case (_, .value(let typed)):
                value = typed
                mark = DialogSession.AnswerMark(node: compiled.qualifiedID(of: node), value: typed)
            default: return spec.next.target
            }
            turn.session.record(answer: mark)
            turn.builder.events.append(DialogEvent(.answerGiven, flow: flow, node: nodeID, answer: value.description))
            assign(spec.variable, value, at: node, in: &turn)
            return spec.next.target
        default:
            return -1
        }
    }

    /// Asks which of `candidates` was meant.
    func clarify(_ candidates: [Int], at question: WaitingQuestion, in turn: inout TurnContext) {
        let labels = choiceLabels(at: question.node)
        let options = candidates.filter { labels.indices.contains($0) }.map { (number: $0 + 1, label: render(labels[$0], turn.session)) }
        // "Do you mean 1. …?" is a yes/no question of its own: remember what it asked about,
        // unless the question's own answers are yes and no, which a yes or no must stay.
        let yesTakesIt = options.count == 1 && !hasYesNoChoices(labels, at: question.node, session: turn.session)
        turn.builder.say(compiled.strings(turn.session.language).didYouMean(options, yesTakesIt: yesTakesIt))
        if yesTakesIt, let id = choiceID(options[0].number - 1, at: question.node) {
            turn.session.offeredChoice = DialogSession.OfferedChoice(node: compiled.qualifiedID(of: question.node), choice: id)
        }
        presentCurrent(in: &turn, repeatMessages: false)
    }

    /// The labels of a question's choices (or options), in order.
    func choiceLabels(at node: Int) -> [LocalizedText] {
        switch compiled.nodes[node].kind {
        case .ask(let ask): ask.choices.map(\.label)
        case .input(let spec): if case .oneOf(let options) = spec.type { options.map(\.label) } else { [] }
        default: []
        }
    }

    /// "Do you mean 1. …?" again, when it still waits for its yes or no (a turn shown again).
    func repeatOffer(in turn: inout TurnContext) {
        guard let offer = turn.session.offeredChoice, let question = currentQuestion(turn.session),
              let index = offeredChoiceIndex(offer, session: turn.session) else { return }
        let labels = choiceLabels(at: question.node)
        guard labels.indices.contains(index) else { return }
        turn.builder.say(compiled.strings(turn.session.language).didYouMean([(number: index + 1, label: render(labels[index], turn.session))]))
    }

    /// Whether a choice of the question is itself a yes or a no (by its id or its label).
    private func hasYesNoChoices(_ labels: [LocalizedText], at node: Int, session: DialogSession) -> Bool {
        let words = compiled.words(session.language)
        let ids = (0..<labels.count).compactMap { choiceID($0, at: node) }
        return ids.contains { $0 == "yes" || $0 == "no" }
            || labels.contains { words.interpretYesNo(TextNormalizer.words(render($0, session))) != nil }
    }

    /// The id of a choice (or the value of an option) of a question, by its index.
    func choiceID(_ index: Int, at node: Int) -> String? {
        switch compiled.nodes[node].kind {
        case .ask(let ask): return ask.choices.indices.contains(index) ? ask.choices[index].id : nil
        case .input(let spec):
            guard case .oneOf(let options) = spec.type, options.indices.contains(index) else { return nil }
            return options[index].value
        default: return nil
        }
    }

    /// The index of the choice (or option) with `id` in a question, if it still has one.
    func choiceIndex(_ id: String, at node: Int) -> Int? {
        switch compiled.nodes[node].kind {
        case .ask(let ask): return ask.choices.firstIndex { $0.id == id }
        case .input(let spec):
            guard case .oneOf(let options) = spec.type else { return nil }
            return options.firstIndex { $0.value == id }
        default: return nil
        }
    }

    /// The index of the offered choice, while the conversation still waits at its question.
    func offeredChoiceIndex(_ offer: DialogSession.OfferedChoice, session: DialogSession) -> Int? {
        guard let question = currentQuestion(session), compiled.qualifiedID(of: question.node) == offer.node else { return nil }
        return choiceIndex(offer.choice, at: question.node)
    }

    /// A short yes or no to "Do you mean 1. …?": yes takes that choice, no asks again for the
    /// one meant. Anything else (an exact answer, confusion, a longer message) is handled as if
    /// nothing had been offered: nil.
    func takeOfferedChoice(_ offer: DialogSession.OfferedChoice, _ input: TypedText, in turn: inout TurnContext) -> Turn.Outcome? {
        let words = compiled.words(turn.session.language)
        guard let question = currentQuestion(turn.session), let choice = offeredChoiceIndex(offer, session: turn.session),
              input.words.count <= 3, !words.sayConfused(input.words),
              exactFit(input, at: question, words: words) == nil,
              let yes = words.interpretYesNo(input.words) else { return nil }
        if yes {
            take(.choice(choice), at: question, in: &turn)
            return .answered
        }
        // A clear answer, not a failure: help counts no miss for it.
        turn.builder.say(compiled.strings(turn.session.language).explainChoices)
        presentCurrent(in: &turn, repeatMessages: false)
        return .command
    }
}
