extension Node {
    /// What a node does: waits for an answer (`ask`, `input`), leads on, or ends.
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
}
