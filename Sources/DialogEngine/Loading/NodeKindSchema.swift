/// What one node kind may hold and how it is read. There is one entry per kind, so the list of
/// kinds, their fields and their reading cannot drift apart.
struct NodeKindSchema: Sendable {
    /// What every node kind reads before its own fields.
    struct Common {
        /// "node 'x'", or "the node" when it has no id, for messages about the node.
        var what: String
        /// The node's `next`, or an empty reference where it has none.
        var next: NodeReference
        /// An empty reference at the node, for a missing target (reported later with the node).
        var missing: NodeReference
    }

    /// The kind as written in `"kind"`.
    let name: String
    /// The fields a node of this kind may have, and those it must have.
    let allowed: [String]
    let required: [String]
    /// Whether `messages` must hold at least one message.
    var needsMessages = false
    /// Reads the kind's own fields; nil when the node cannot be used (reported).
    let read: @Sendable (FlowLoader, JSONValue, Common) -> Node.Kind?

    /// Every node kind, in the order hints list them.
    static let all: [NodeKindSchema] = [
        NodeKindSchema(name: "say", allowed: messageFields + ["next"], required: ["id", "messages"], needsMessages: true) { _, _, common in
            .say(next: common.next)
        },
        NodeKindSchema(name: "ask", allowed: messageFields + ["question", "choices", "variable", "noMatch", "fill"],
                       required: ["id", "question", "choices"]) { loader, json, common in
            .ask(loader.loadQuestion(json, common))
        },
        NodeKindSchema(name: "input", allowed: messageFields + ["question", "variable", "type", "min", "max", "maxLength", "options", "invalid", "next", "fill"],
                       required: ["id", "question", "variable", "type"]) { loader, json, common in
            loader.loadInput(json, what: common.what, next: common.next).map(Node.Kind.input)
        },
        NodeKindSchema(name: "branch", allowed: ["id", "kind", "cases", "else"], required: ["id", "cases"]) { loader, json, common in
            loader.loadBranch(json, common)
        },
        NodeKindSchema(name: "goto", allowed: ["id", "kind", "target"], required: ["id", "target"]) { loader, json, common in
            .goto(loader.reference(json, "target", what: "'target'") ?? common.missing)
        },
        NodeKindSchema(name: "call", allowed: ["id", "kind", "flow", "next"], required: ["id", "flow"]) { loader, json, common in
            .call(flow: loader.flowReference(json["flow"], missing: common.missing), next: common.next)
        },
        NodeKindSchema(name: "set", allowed: ["id", "kind", "set", "next"], required: ["id", "set"]) { loader, json, common in
            .set(loader.assignments(json["set"]), next: common.next)
        },
        NodeKindSchema(name: "plan", allowed: messageFields + ["item", "next"], required: ["id", "item"]) { loader, json, common in
            loader.loadPlanItem(json["item"]).map { .plan($0, next: common.next) }
        },
        NodeKindSchema(name: "end", allowed: messageFields, required: ["id"]) { _, _, _ in
            .end
        },
    ]

    /// The fields of nodes that show messages.
    private static let messageFields = ["id", "kind", "sources", "messages"]

    static let names = all.map(\.name)

    static func named(_ name: String) -> NodeKindSchema? {
        all.first { $0.name == name }
    }
}
