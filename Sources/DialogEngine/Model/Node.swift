/// One step of a flow. Nodes that wait (`ask`, `input`) or finish (`end`) stop a turn; the others
/// run at once and lead on.
struct Node: Sendable {
    enum Kind: Sendable {
        case say(next: NodeReference)
        case ask(Question)
        case input(Input)
        case branch(cases: [BranchCase], otherwise: NodeReference)
        case goto(NodeReference)
        case call(flow: FlowReference, next: NodeReference)
        case set([Assignment], next: NodeReference)
        case plan(PlanItem, next: NodeReference)
        case end
    }

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

    /// True for nodes where a turn stops and waits for the person.
    var waitsForInput: Bool {
        switch kind {
        case .ask, .input: true
        default: false
        }
    }

    /// The texts shown when the node runs: its messages, and its question or plan item.
    var shownTexts: [LocalizedText] {
        switch kind {
        case .ask(let question): messages + [question.text]
        case .input(let input): messages + [input.question]
        case .plan(let item, _): messages + [item.text]
        default: messages
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

/// A reference to a flow by id, resolved to its index at load time.
struct FlowReference: Sendable {
    var written: String
    var origin: Origin
    var target: Int = -1
}

/// A question with choices.
struct Question: Sendable {
    var text: LocalizedText
    var choices: [Choice]
    /// A variable that receives the chosen choice's id.
    var variable: String?
    var variableOrigin: Origin?
    /// What to say when an answer matches no choice, instead of the engine's general words.
    var noMatch: LocalizedText?
}

/// One answer to a question.
struct Choice: Sendable {
    var id: String
    var label: LocalizedText
    /// Extra phrases per language that pick this choice.
    var synonyms: [String: [String]]
    var next: NodeReference
    var assignments: [Assignment]
    var origin: Origin
}

/// A question answered by free input, stored in a typed variable.
struct Input: Sendable {
    enum InputType: Sendable {
        case yesNo
        case number(minimum: Double?, maximum: Double?)
        case text(maximumLength: Int)
        case oneOf([Option])
    }

    struct Option: Sendable {
        var value: String
        var label: LocalizedText
        var synonyms: [String: [String]]
    }

    var question: LocalizedText
    var variable: String
    var variableOrigin: Origin
    var type: InputType
    /// What to say when the answer does not fit, instead of the engine's general words.
    var invalid: LocalizedText?
    var next: NodeReference
}

/// One case of a branch: when the condition holds, go to `next`.
struct BranchCase: Sendable {
    var condition: Condition
    var next: NodeReference
}

/// A parsed expression with where it was written.
struct Condition: Sendable {
    var text: String
    var expression: Expression
    var origin: Origin
}

/// `variable = value`, as written in a `set` node or on a choice.
struct Assignment: Sendable {
    var variable: String
    var value: Condition
    var origin: Origin
}

/// A next step for the person's action plan.
struct PlanItem: Sendable {
    var id: String
    var text: LocalizedText
    var sources: [String]
    var origin: Origin
}
