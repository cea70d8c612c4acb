/// Collects what one turn says and does while the engine moves through nodes.
struct TurnBuilder {
    var messages: [String] = []
    var events: [DialogEvent] = []
    var sourceIDs: [String] = []
    var outcome: Turn.Outcome
    /// How free text was routed, when it was.
    var routing: Routing?

    init(outcome: Turn.Outcome) { self.outcome = outcome }

    mutating func say(_ text: String) {
        if !text.isEmpty { messages.append(text) }
    }

    mutating func cite(_ ids: [String]) {
        for id in ids where !sourceIDs.contains(id) { sourceIDs.append(id) }
    }
}
