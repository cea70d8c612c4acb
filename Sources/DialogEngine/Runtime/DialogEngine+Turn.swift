/// Turning what happened into the ``Turn`` a front end shows.
extension DialogEngine {
    func finish(_ turn: inout TurnContext, record: Bool = true) -> Turn {
        // No copy of the session: it is read here and changed below, and a copy would copy its
        // transcript when the turn is recorded.
        let offer = offerAsked(turn.session)
        let asking = offer ?? questionAsked(turn.session)
        let (flow, node) = shownPosition(turn, offerWaits: offer != nil)
        let shown = Turn(flow: flow, node: node, language: turn.session.language, messages: turn.builder.messages, question: asking.question,
                         choices: asking.choices, expects: asking.expects, sources: references(turn.builder.sourceIDs, language: turn.session.language),
                         plan: plan(of: turn.session), ended: turn.session.ended, outcome: turn.builder.outcome, events: turn.builder.events,
                         routing: turn.builder.routing, handoff: turn.builder.handoff)
        if record {
            recordShown(asking, in: &turn)
            let language = turn.session.language
            turn.session.trimTranscript(limit: transcriptLimit, strings: compiled.strings(language))
        }
        if let observer { for event in turn.builder.events { observer(event) } }
        return shown
    }

    /// The flow and node the turn ends at: the waiting node; without one, the last node entered
    /// (unless one of the engine's offers waits); else the entry flow.
    private func shownPosition(_ turn: TurnContext, offerWaits: Bool) -> (flow: String, node: String) {
        if let position = turn.session.position, let index = compiled.nodeIndex[position] {
            return (compiled.flows[compiled.nodes[index].flow].id, compiled.nodes[index].id)
        }
        if !offerWaits, let last = turn.builder.events.last(where: { $0.kind == .nodeEntered || $0.kind == .ended }) {
            return (last.flow, last.node)
        }
        return (compiled.flows[compiled.entryFlow].id, "")
    }

    /// Adds what the turn shows to the transcript: its messages, the question and its choices
    /// (the engine's yes/no offers list no choices there).
    private func recordShown(_ asking: Asking, in turn: inout TurnContext) {
        let listsChoices = turn.session.offeredFlow == nil && turn.session.offeredLanguage == nil && !asking.choices.isEmpty
        // Paragraphs apart by a blank line, the choices one per line, copied straight into one
        // string, as this runs on every turn.
        let messages = turn.builder.messages
        let text = String(concatenating: { put in
            var first = true
            func startParagraph() {
                if !first { put("\n\n") }
                first = false
            }
            for message in messages {
                startParagraph()
                put(message)
            }
            if let question = asking.question {
                startParagraph()
                put(question)
            }
            if listsChoices {
                startParagraph()
                for (offset, choice) in asking.choices.enumerated() {
                    if offset > 0 { put("\n") }
                    put(ChoiceNumber.prefix(choice.number))
                    put(choice.label)
                }
            }
        })
        turn.session.lines.append(TranscriptEntry(speaker: .bot, text: text))
    }

    /// The cited sources with their title and publisher in `language`.
    func references(_ ids: [String], language: String) -> [SourceReference] {
        for index in compiled.referencesByLanguage.indices where compiled.referencesByLanguage[index].language == language {
            return ids.compactMap { compiled.referencesByLanguage[index].byID[$0] }
        }
        return ids.compactMap { id in compiled.sources[id].map { compiled.reference(to: $0, language: language) } }
    }
}

/// "1. ", "2. " and so on before each choice in the transcript: the usual numbers written once,
/// not formatted on every turn.
private enum ChoiceNumber {
    private static let common = (0...20).map { "\($0). " }

    static func prefix(_ number: Int) -> String {
        common.indices.contains(number) ? common[number] : "\(number). "
    }
}
