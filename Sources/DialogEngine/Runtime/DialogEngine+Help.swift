/// The engine's own replies to a line that moves nothing on: a safety message, how to answer
/// the question, and help that grows with each miss.
extension DialogEngine {
    /// The safety message of `interrupt`, a handoff where the front end has a person to call,
    /// and the question again.
    func answerSafety(_ interrupt: Int, routing: Routing?, in turn: inout TurnContext) {
        turn.session.clearOffers()
        turn.builder.routing = routing
        let item = compiled.interrupts[interrupt]
        say(item.messages, in: &turn)
        noteFacts(of: item.messages, in: &turn.session)
        turn.builder.cite(item.sources)
        let (flow, node) = positionIDs(turn.session)
        turn.builder.events.append(DialogEvent(.interrupted, flow: flow, node: node, answer: item.id))
        // A safety message also calls a person in, where the front end has one to call.
        handOff(.emergency, interrupt: item.id, in: &turn)
        presentCurrent(in: &turn)
    }

    /// Confusion at a question: say how to answer it, and show it again.
    func explain(_ question: WaitingQuestion, atMenu: Bool, in turn: inout TurnContext) {
        let strings = compiled.strings(turn.session.language)
        switch compiled.nodes[question.node].kind {
        case .input(let input):
            switch input.type {
            case .yesNo: turn.builder.say(strings.explainYesNo)
            case .number(let minimum, let maximum): turn.builder.say(strings.answerNumber(minimum: minimum, maximum: maximum))
            case .text: turn.builder.say(strings.explainText)
            case .oneOf: turn.builder.say(strings.explainChoices)
            }
        default:
            turn.builder.say(atMenu ? strings.explainMenu : strings.explainChoices)
        }
        presentCurrent(in: &turn, repeatMessages: false)
    }

    /// Help at a question that nothing fitted, growing with each miss (the question's own
    /// `noMatch` or `invalid` text first), and the question again. Returns the turn's outcome.
    func helpAfterMiss(at question: WaitingQuestion, in turn: inout TurnContext) -> Turn.Outcome {
        turn.session.misses = turn.session.misses < Int.max ? turn.session.misses + 1 : turn.session.misses
        let strings = compiled.strings(turn.session.language)
        let outcome: Turn.Outcome
        if case .input(let input) = compiled.nodes[question.node].kind {
            outcome = .invalid
            let problem: String
            switch input.type {
            case .yesNo: problem = strings.answerYesOrNo
            case .number(let minimum, let maximum): problem = strings.answerNumber(minimum: minimum, maximum: maximum)
            case .text: problem = strings.emptyAnswer
            case .oneOf: problem = strings.notUnderstood(misses: turn.session.misses)
            }
            turn.builder.say(input.invalid.map { render($0, turn.session) } ?? problem)
        } else {
            outcome = .notUnderstood
            if turn.session.misses == 1, case .ask(let ask) = compiled.nodes[question.node].kind, let custom = ask.noMatch {
                turn.builder.say(render(custom, turn.session))
            } else {
                turn.builder.say(strings.notUnderstood(misses: turn.session.misses))
            }
        }
        presentCurrent(in: &turn, repeatMessages: false)
        return outcome
    }
}
