/// Collects what one turn says and does while the engine moves through nodes.
struct TurnBuilder {
    var messages: [String] = []
    var events: [DialogEvent] = []
    var sourceIDs: [String] = []
    var outcome: Turn.Outcome
    /// How free text was routed, when it was.
    var routing: Routing?
    /// Set when the turn hands the person to a human.
    var handoff: Turn.Handoff?

    init(outcome: Turn.Outcome) {
        self.outcome = outcome
        // A turn records a handful of events (input, answer, nodes entered, question): room for
        // them at once, not grown 1, 2, 4, 8 on every turn.
        events.reserveCapacity(8)
    }

    mutating func say(_ text: String) {
        if !text.isEmpty { messages.append(text) }
    }

    mutating func cite(_ ids: [String]) {
        for id in ids where !sourceIDs.contains(id) { sourceIDs.append(id) }
    }
}
