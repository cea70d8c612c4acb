extension Node {
    /// What a node does: waits for an answer (`ask`, `input`), leads on, or ends.
    ///
    /// A question's payload is boxed (`indirect`): a turn reads the kind of its node several
    /// times, and copying a question in place retained each of its choices, texts and origins.
    /// A call and a plan item are boxed for size: unboxed, their two payloads made every node of
    /// a bundle 80 bytes larger, and they are rare.
    enum Kind: Sendable {
        case say(next: NodeReference)
        indirect case ask(Question)
        indirect case input(Input)
        case branch(cases: [BranchCase], otherwise: NodeReference)
        case goto(NodeReference)
        indirect case call(flow: FlowReference, next: NodeReference)
        case set([Assignment], next: NodeReference)
        indirect case plan(PlanItem, next: NodeReference)
        case end
    }
}

extension Node.Kind {
    /// Takes a question's payload out, leaving `end`. Freeing the box before the question is
    /// edited leaves its choices and texts one owner, so the loader's edits happen in place; a
    /// `switch` on the kind keeps the box alive until its case ends, and every choice was copied.
    mutating func takeQuestion() -> Question? {
        guard case .ask(let question) = self else { return nil }
        self = .end
        return question
    }

    /// Takes an input's payload out, leaving `end` (see ``takeQuestion()``).
    mutating func takeInput() -> Input? {
        guard case .input(let input) = self else { return nil }
        self = .end
        return input
    }
}
