/// Something that happened in a conversation, for embedders that want to react without parsing
/// text (analytics, a support-desk side panel, logging).
public struct DialogEvent: Codable, Sendable, Equatable {
    /// The kinds of event.
    public enum Kind: String, Codable, Sendable {
        /// The conversation entered ``node`` of ``flow``.
        case nodeEntered
        /// The person's answer ``answer`` was accepted at ``node``.
        case answerGiven
        /// ``variable`` was set to ``value``.
        case variableSet
        /// ``planItem`` was added to the plan.
        case planItemAdded
        /// An interrupt (such as an emergency message) fired; ``answer`` holds its id.
        case interrupted
        /// The conversation moved to another topic on the person's request.
        case topicChanged
        /// The conversation ended.
        case ended
        /// The person is handed to a human; ``answer`` holds the reason (`requested`,
        /// `repeatedFailure` or `emergency`).
        case handoff
    }

    /// What happened.
    public var kind: Kind
    /// The flow it happened in.
    public var flow: String
    /// The node it happened at.
    public var node: String
    /// The variable, for ``Kind/variableSet``.
    public var variable: String?
    /// The new value, for ``Kind/variableSet``.
    public var value: DialogValue?
    /// The chosen choice id or the typed answer, for ``Kind/answerGiven``.
    public var answer: String?
    /// The plan item id, for ``Kind/planItemAdded``.
    public var planItem: String?

    init(_ kind: Kind, flow: String, node: String, variable: String? = nil, value: DialogValue? = nil, answer: String? = nil, planItem: String? = nil) {
        self.kind = kind
        self.flow = flow
        self.node = node
        self.variable = variable
        self.value = value
        self.answer = answer
        self.planItem = planItem
    }
}
