extension Node {
    /// What a node does: waits for an answer (`ask`, `input`), leads on, or ends.
    ///
    /// A question's payload is boxed (`indirect`): a turn reads the kind of its node several
    /// times, and copying a question in place retained each of its choices, texts and origins.
    enum Kind: Sendable {
        case say(next: NodeReference)
        indirect case ask(Question)
        indirect case input(Input)
        case branch(cases: [BranchCase], otherwise: NodeReference)
        case goto(NodeReference)
        case call(flow: FlowReference, next: NodeReference)
        case set([Assignment], next: NodeReference)
        case plan(PlanItem, next: NodeReference)
        case end
    }
}
