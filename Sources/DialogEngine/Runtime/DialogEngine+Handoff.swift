/// Handing the person to a human: on request, after help failed several times in a row, and
/// when a safety interrupt fired. The bundle's `handoff.json` gives the words.
extension DialogEngine {
    /// Says the bundle's words for `reason`, marks the turn and the session, and fires the event.
    func handOff(_ reason: Turn.Handoff.Reason, interrupt: String? = nil, in turn: inout TurnContext) {
        let handoff = Turn.Handoff(reason: reason, interrupt: interrupt)
        turn.builder.handoff = handoff
        turn.session.lastHandoff = handoff
        turn.session.failures = nil
        if let content = compiled.handoff {
            let texts = content.reasons[reason, default: []] + (reason == .emergency ? [] : content.contact)
            say(texts, in: &turn)
            noteFacts(of: texts, in: &turn.session)
            if reason != .emergency { turn.builder.cite(content.sources) }
            turn.builder.cite(texts.flatMap { $0.facts.sorted() }.compactMap { compiled.facts[$0]?.source })
        } else if reason != .emergency {
            turn.builder.say(compiled.strings(turn.session.language).handoffWithoutContent)
        }
        let (flow, node) = positionIDs(turn.session)
        turn.builder.events.append(DialogEvent(.handoff, flow: flow, node: node, answer: reason.rawValue))
    }

    /// Counts turns in a row in which help failed; at the bundle's `afterFailures`, the turn's
    /// help gives way to a handoff. A turn that moves the conversation on starts the count again.
    func countFailures(in turn: inout TurnContext) {
        guard turn.builder.handoff == nil else { return }
        switch turn.builder.outcome {
        case .notUnderstood, .clarification, .invalid:
            // Clamped before adding: a restored session may hold any number.
            let failures = min(max(turn.session.failures ?? 0, 0), DialogSession.missesLimit - 1) + 1
            turn.session.failures = failures
            guard let limit = compiled.handoff?.afterFailures, failures >= limit else { return }
            // The handoff replaces the help text, so the turn stays short; the question stays.
            turn.builder.messages = []
            turn.builder.sourceIDs = []
            // The person never sees a "Do you mean …?" the handoff replaced: no yes may take it.
            turn.session.clearOffers()
            handOff(.repeatedFailure, in: &turn)
        case .answered, .started:
            turn.session.failures = nil
        case .switchOffered, .interrupted, .command, .quit:
            break
        }
    }

    /// Remembers the facts `texts` show, for the handoff summary.
    func noteFacts(of texts: some Collection<LocalizedText>, in session: inout DialogSession) {
        for text in texts where !text.facts.isEmpty {
            for fact in text.facts.sorted() where !(session.factsShown ?? []).contains(fact) {
                DialogSession.append(fact, to: &session.factsShown)
            }
        }
    }
}
