/// One step of a flow. Nodes that wait (`ask`, `input`) or finish (`end`) stop a turn; the others
/// run at once and lead on.
struct Node: Sendable {
    var id: String
    var flow: Int
    var kind: Kind
    var messages: [LocalizedText]
    /// Source ids; nil when the author did not write `sources` at all.
    var sources: [String]?
    var sourcesOrigin: Origin?
    var origin: Origin
    /// For a question: whether (and from which extra phrases) an answer the person already gave
    /// in their own words may fill it without asking.
    var fill: Fill?
    /// The sources shown with this node: its own plus those of the facts its texts use.
    var citedSources: [String] = []
    /// The facts the node shows, in the order it shows them, each once (see `Linker.shownFacts`).
    var shownFacts: [String] = []

    /// True for nodes where a turn stops and waits for the person.
    var waitsForInput: Bool {
        switch kind {
        case .ask, .input: true
        default: false
        }
    }

    /// Every text of the node a person may see.
    var texts: [LocalizedText] {
        var texts = messages
        switch kind {
        case .ask(let question):
            texts.append(question.text)
            texts += question.choices.map(\.label)
            if let noMatch = question.noMatch { texts.append(noMatch) }
        case .input(let input):
            texts.append(input.question)
            if let invalid = input.invalid { texts.append(invalid) }
            if case .oneOf(let options) = input.type { texts += options.map(\.label) }
        case .plan(let item, _):
            texts.append(item.text)
        default:
            break
        }
        return texts
    }

    var kindName: String {
        switch kind {
        case .say: "say"
        case .ask: "ask"
        case .input: "input"
        case .branch: "branch"
        case .goto: "goto"
        case .call: "call"
        case .set: "set"
        case .plan: "plan"
        case .end: "end"
        }
    }
}
