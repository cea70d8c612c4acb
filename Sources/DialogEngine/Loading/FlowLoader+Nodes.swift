/// Reading one node: what all kinds share, then the kind's own fields through its
/// `NodeKindSchema`.
extension FlowLoader {
    func loadNode(_ json: JSONValue) -> Node? {
        guard let schema = schema(of: json) else { return nil }
        let what = json["id"]?.string.map { "node '\($0)'" } ?? "the node"
        context.checkObject(json, file: file, what: what, allowed: schema.allowed, required: schema.required)
        guard let id = context.identifier(json["id"], file: file, what: "the node id") else { return nil }

        let messages = (context.array(json["messages"], file: file, what: "'messages'", nonEmpty: schema.needsMessages) ?? [])
            .compactMap { context.text($0, file: file, what: "a message of \(what)") }
        let sources = json["sources"].flatMap { context.stringList($0, file: file, what: "'sources'") }
        // A missing `next` is reported later as "no way on" (DLG013), with the node's position.
        let missing = NodeReference(written: "", origin: context.origin(file, json))
        let next = reference(json, "next", what: "'next'") ?? missing
        guard let kind = schema.read(self, json, NodeKindSchema.Common(what: what, next: next, missing: missing)) else { return nil }
        return Node(id: id, flow: flowIndex, kind: kind, messages: messages, sources: sources,
                    sourcesOrigin: json["sources"].map { context.origin(file, $0) }, origin: context.origin(file, json),
                    fill: json["fill"].flatMap { loadFill($0, kind: kind, what: what) })
    }

    /// The schema of the node's `kind`, or nil (reported) when the node has no known kind.
    private func schema(of json: JSONValue) -> NodeKindSchema? {
        let kinds = NodeKindSchema.names
        guard json.members != nil else {
            context.report(.wrongType("a node", expected: "an object", found: json.typeName), file: file, value: json)
            return nil
        }
        guard let kindValue = json["kind"] else {
            context.report(.missingField("a node", field: "kind", kinds: kinds), file: file, value: json)
            return nil
        }
        guard let kind = context.string(kindValue, file: file, what: "'kind'") else { return nil }
        guard let schema = NodeKindSchema.named(kind) else {
            // References to this node would only repeat the error.
            if let flowID = flowID, let id = json["id"]?.string { context.unavailable.insert("node:\(flowID):\(id)") }
            context.report(.unknown(.nodeKind, kind, suggestion: Suggestion.closest(to: kind, among: kinds), allowed: kinds), file: file, value: kindValue)
            return nil
        }
        return schema
    }

    func loadBranch(_ json: JSONValue, _ common: NodeKindSchema.Common) -> Node.Kind {
        var cases: [BranchCase] = []
        for element in context.array(json["cases"], file: file, what: "'cases'", nonEmpty: true) ?? [] {
            guard context.checkObject(element, file: file, what: "a case", allowed: ["if", "next"], required: ["if", "next"]),
                  let condition = condition(element["if"], what: "the condition"),
                  let target = reference(element, "next", what: "'next'") else { continue }
            cases.append(BranchCase(condition: condition, next: target))
        }
        return .branch(cases: cases, otherwise: reference(json, "else", what: "'else'") ?? common.missing)
    }

    func flowReference(_ value: JSONValue?, missing: NodeReference) -> FlowReference {
        guard let value, let written = context.string(value, file: file, what: "'flow'") else {
            return FlowReference(written: "", origin: missing.origin)
        }
        return FlowReference(written: written, origin: context.origin(file, value))
    }

    func loadPlanItem(_ value: JSONValue?) -> PlanItem? {
        guard let value,
              context.checkObject(value, file: file, what: "the plan item", allowed: ["id", "text", "sources"], required: ["id", "text", "sources"]),
              let id = context.identifier(value["id"], file: file, what: "the plan item id"),
              let text = context.text(value["text"], file: file, what: "the plan item text") else { return nil }
        let sources = context.stringList(value["sources"], file: file, what: "the plan item's sources") ?? []
        if sources.isEmpty, let list = value["sources"] {
            context.report(.planItemWithoutSources, file: file, value: list)
        }
        return PlanItem(id: id, text: text, sources: sources, origin: context.origin(file, value))
    }
}
