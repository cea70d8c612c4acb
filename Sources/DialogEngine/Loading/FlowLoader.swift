/// Reads one file under `flows/`: the flow's header, its variables and its nodes.
struct FlowLoader {
    let file: String
    let context: LoadContext
    let flowIndex: Int
    /// The flow's id as written, for marking nodes that failed to load.
    var flowID: String?

    /// Appends the flow's nodes to `nodes` and its variables to `variables`.
    func load(_ json: JSONValue, nodes: inout [Node], variables: inout [VariableDeclaration]) -> Flow? {
        guard context.checkObject(json, file: file, what: "the flow",
                                  allowed: ["id", "title", "triggers", "examples", "start", "listed", "variables", "nodes"],
                                  required: ["id", "title", "nodes"]) else { return nil }
        let id = context.identifier(json["id"], file: file, what: "the flow id")
        let title = context.text(json["title"], file: file, what: "the flow title")
        let listed = context.bool(json["listed"], file: file, what: "'listed'") ?? true
        var triggers = context.phrases(json["triggers"], file: file, what: "the flow's triggers") ?? [:]
        for language in context.languages where triggers[language] == nil { triggers[language] = [] }
        if listed, let id {
            let empty = context.languages.filter { triggers[$0, default: []].isEmpty }
            if !empty.isEmpty {
                context.report(.flowWithoutTriggers(id, languages: empty), file: file, value: json["triggers"] ?? json)
            }
        }
        let examples = context.phrases(json["examples"], file: file, what: "the flow's examples") ?? [:]
        if let table = json["variables"] { loadVariables(table, into: &variables) }

        let first = nodes.count
        var ids: [String: Origin] = [:]
        for element in context.array(json["nodes"], file: file, what: "'nodes'", nonEmpty: true) ?? [] {
            guard let node = loadNode(element) else { continue }
            if let previous = ids[node.id] {
                context.report(.idUsedTwice(kind: "node", id: node.id, in: "this flow", firstLine: previous.location.line), at: node.origin)
                continue
            }
            ids[node.id] = node.origin
            nodes.append(node)
        }
        let startValue = json["start"]
        var start: NodeReference
        if let written = context.string(startValue, file: file, what: "'start'"), let startValue {
            start = NodeReference(written: written, origin: context.origin(file, startValue))
        } else {
            let firstID = nodes.count > first ? nodes[first].id : ""
            start = NodeReference(written: firstID, origin: context.origin(file, json["nodes"] ?? json))
        }
        start.target = -1
        guard let id, let title else { return nil }
        let exampleOrigins = json["examples"].map { ExampleOrigins(object: context.origin(file, $0), phrases: context.phraseOrigins($0, file: file)) }
        return Flow(id: id, title: title, triggers: triggers, examples: examples, exampleOrigins: exampleOrigins, start: start, listed: listed, file: file,
                    origin: context.origin(file, json), nodes: first..<nodes.count)
    }

    func reference(_ json: JSONValue, _ key: String, what: String) -> NodeReference? {
        guard let value = json[key] else { return nil }
        guard let written = context.string(value, file: file, what: what) else { return nil }
        return NodeReference(written: written, origin: context.origin(file, value))
    }
}
