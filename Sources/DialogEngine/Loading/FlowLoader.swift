/// Reads one file under `flows/`: the flow's header, its variables and its nodes.
struct FlowLoader {
    let file: String
    let context: LoadContext
    let flowIndex: Int
    /// The flow's id as written, for marking nodes that failed to load.
    var flowID: String?

    static let nodeKinds = ["say", "ask", "input", "branch", "goto", "call", "set", "plan", "end"]
    static let inputTypes = ["yesno", "number", "text", "oneOf"]
    static let variableTypes = ["bool", "number", "text", "oneOf"]

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
                context.report(.noTriggers, "flow '\(id)' has no trigger phrases in \(empty.map { "'\($0)'" }.joined(separator: ", "))",
                               file: file, value: json["triggers"] ?? json,
                               hint: "add \"triggers\": {\"\(empty[0])\": [\"...\"]}, or set \"listed\": false for a flow reached only from other flows")
            }
        }
        let examples = context.phrases(json["examples"], file: file, what: "the flow's examples") ?? [:]
        if let table = json["variables"] { loadVariables(table, into: &variables) }

        let first = nodes.count
        var ids: [String: Origin] = [:]
        for element in context.array(json["nodes"], file: file, what: "'nodes'", nonEmpty: true) ?? [] {
            guard let node = loadNode(element) else { continue }
            if let previous = ids[node.id] {
                context.report(.duplicateID, "node id '\(node.id)' is used twice in this flow", at: node.origin,
                               hint: "the first is at line \(previous.location.line); rename one of them")
                continue
            }
            ids[node.id] = node.origin
            nodes.append(node)
        }
        let startValue = json["start"]
        var start: NodeReference
        if let written = context.string(startValue, file: file, what: "'start'"), let startValue {
            start = NodeReference(written: written, origin: Origin(file: file, value: startValue))
        } else {
            let firstID = nodes.count > first ? nodes[first].id : ""
            start = NodeReference(written: firstID, origin: Origin(file: file, value: json["nodes"] ?? json))
        }
        start.target = -1
        guard let id, let title else { return nil }
        let exampleOrigins = json["examples"].map { ExampleOrigins(object: Origin(file: file, value: $0), phrases: context.phraseOrigins($0, file: file)) }
        return Flow(id: id, title: title, triggers: triggers, examples: examples, exampleOrigins: exampleOrigins, start: start, listed: listed, file: file,
                    origin: Origin(file: file, value: json), nodes: first..<nodes.count)
    }

    private func loadVariables(_ table: JSONValue, into variables: inout [VariableDeclaration]) {
        guard let members = table.members else {
            context.report(.wrongType, "'variables' must be an object of declarations by name, not \(table.typeName)", file: file, value: table)
            return
        }
        for member in members where member.key != "$comment" {
            let value = member.value
            let origin = Origin(file: file, location: member.keyLocation, path: value.path)
            let what = "variable '\(member.key)'"
            if !LoadContext.isIdentifier(member.key) || member.key.contains("-") {
                context.report(.invalidValue, "variable name '\(member.key)' is not valid", at: origin, hint: "use lower-case letters, digits and '_', starting with a letter")
                continue
            }
            guard context.checkObject(value, file: file, what: what, allowed: ["type", "values", "default"], required: ["type"]),
                  let typeName = context.string(value["type"], file: file, what: "the type of \(what)") else { continue }
            var type: ValueType
            switch typeName {
            case "bool": type = .bool
            case "number": type = .number
            case "text": type = .text
            case "oneOf":
                let values = context.stringList(value["values"], file: file, what: "the values of \(what)") ?? []
                if values.isEmpty {
                    context.report(.missingField, "\(what) of type oneOf needs 'values': the texts it may hold", at: origin)
                }
                type = .oneOf(values)
            default:
                context.report(.invalidValue, "unknown type '\(typeName)' for \(what)", file: file, value: value["type"]!,
                               hint: Suggestion.hint(for: typeName, among: Self.variableTypes) ?? "use one of: \(Self.variableTypes.joined(separator: ", "))")
                continue
            }
            var defaultValue: DialogValue?
            if let raw = value["default"] {
                defaultValue = literal(raw)
                if let given = defaultValue, given.type != type.base {
                    context.report(.typeMismatch, "the default of \(what) is \(given.type), but the variable is \(type)", file: file, value: raw)
                } else if case .oneOf(let allowed) = type, case .text(let text)? = defaultValue, !allowed.contains(text) {
                    context.report(.typeMismatch, "the default '\(text)' is not one of the values of \(what)", file: file, value: raw)
                }
            }
            variables.append(VariableDeclaration(name: member.key, type: type, defaultValue: defaultValue, origin: origin))
        }
    }

    private func literal(_ value: JSONValue) -> DialogValue? {
        switch value.kind {
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .string(let text): return .text(text)
        default:
            context.report(.wrongType, "expected a string, number or true/false, not \(value.typeName)", file: file, value: value)
            return nil
        }
    }

    private func reference(_ json: JSONValue, _ key: String, what: String) -> NodeReference? {
        guard let value = json[key] else { return nil }
        guard let written = context.string(value, file: file, what: what) else { return nil }
        return NodeReference(written: written, origin: Origin(file: file, value: value))
    }

    private func loadNode(_ json: JSONValue) -> Node? {
        guard json.members != nil else {
            context.report(.wrongType, "a node must be an object, not \(json.typeName)", file: file, value: json)
            return nil
        }
        guard let kindValue = json["kind"] else {
            context.report(.missingField, "a node needs 'kind'", file: file, value: json, hint: "one of: \(Self.nodeKinds.joined(separator: ", "))")
            return nil
        }
        guard let kind = context.string(kindValue, file: file, what: "'kind'") else { return nil }
        guard Self.nodeKinds.contains(kind) else {
            // References to this node would only repeat the error.
            if let flowID = flowID, let id = json["id"]?.string { context.unavailable.insert("node:\(flowID):\(id)") }
            context.report(.unknownNodeKind, "unknown node kind '\(kind)'", file: file, value: kindValue,
                           hint: Suggestion.hint(for: kind, among: Self.nodeKinds) ?? "use one of: \(Self.nodeKinds.joined(separator: ", "))")
            return nil
        }
        let common = ["id", "kind", "sources", "messages"]
        let allowed: [String]
        let required: [String]
        switch kind {
        case "say": (allowed, required) = (common + ["next"], ["id", "messages"])
        case "ask": (allowed, required) = (common + ["question", "choices", "variable", "noMatch", "fill"], ["id", "question", "choices"])
        case "input": (allowed, required) = (common + ["question", "variable", "type", "min", "max", "maxLength", "options", "invalid", "next", "fill"], ["id", "question", "variable", "type"])
        case "branch": (allowed, required) = (["id", "kind", "cases", "else"], ["id", "cases"])
        case "goto": (allowed, required) = (["id", "kind", "target"], ["id", "target"])
        case "call": (allowed, required) = (["id", "kind", "flow", "next"], ["id", "flow"])
        case "set": (allowed, required) = (["id", "kind", "set", "next"], ["id", "set"])
        case "plan": (allowed, required) = (common + ["item", "next"], ["id", "item"])
        default: (allowed, required) = (common, ["id"])
        }
        let idText = json["id"]?.string
        let what = idText.map { "node '\($0)'" } ?? "the node"
        context.checkObject(json, file: file, what: what, allowed: allowed, required: required)
        guard let id = context.identifier(json["id"], file: file, what: "the node id") else { return nil }

        let messages = (context.array(json["messages"], file: file, what: "'messages'", nonEmpty: kind == "say") ?? [])
            .compactMap { context.text($0, file: file, what: "a message of \(what)") }
        var sources: [String]?
        if let value = json["sources"] {
            sources = context.stringList(value, file: file, what: "'sources'")
        }
        // A missing `next` is reported later as "no way on" (DLG013), with the node's position.
        let missing = NodeReference(written: "", origin: Origin(file: file, value: json))
        let next = reference(json, "next", what: "'next'") ?? missing

        let nodeKind: Node.Kind
        switch kind {
        case "say":
            nodeKind = .say(next: next)
        case "ask":
            var choices: [Choice] = []
            var choiceIDs = Set<String>()
            for element in context.array(json["choices"], file: file, what: "'choices'", nonEmpty: true) ?? [] {
                guard let choice = loadChoice(element, missing: missing) else { continue }
                if !choiceIDs.insert(choice.id).inserted {
                    context.report(.duplicateID, "choice id '\(choice.id)' is used twice in \(what)", at: choice.origin)
                    continue
                }
                choices.append(choice)
            }
            let variable = context.string(json["variable"], file: file, what: "'variable'")
            nodeKind = .ask(Question(
                text: context.text(json["question"], file: file, what: "the question of \(what)") ?? LocalizedText(raw: [:], origin: missing.origin),
                choices: choices, variable: variable, variableOrigin: json["variable"].map { Origin(file: file, value: $0) },
                noMatch: context.text(json["noMatch"], file: file, what: "'noMatch' of \(what)")))
        case "input":
            guard let input = loadInput(json, what: what, next: next) else { return nil }
            nodeKind = .input(input)
        case "branch":
            var cases: [BranchCase] = []
            for element in context.array(json["cases"], file: file, what: "'cases'", nonEmpty: true) ?? [] {
                guard context.checkObject(element, file: file, what: "a case", allowed: ["if", "next"], required: ["if", "next"]),
                      let condition = condition(element["if"], what: "the condition"),
                      let target = reference(element, "next", what: "'next'") else { continue }
                cases.append(BranchCase(condition: condition, next: target))
            }
            let otherwise = reference(json, "else", what: "'else'") ?? missing
            nodeKind = .branch(cases: cases, otherwise: otherwise)
        case "goto":
            nodeKind = .goto(reference(json, "target", what: "'target'") ?? missing)
        case "call":
            let flowValue = json["flow"]
            let flow = context.string(flowValue, file: file, what: "'flow'").map { FlowReference(written: $0, origin: Origin(file: file, value: flowValue!)) }
                ?? FlowReference(written: "", origin: missing.origin)
            nodeKind = .call(flow: flow, next: next)
        case "set":
            nodeKind = .set(assignments(json["set"]), next: next)
        case "plan":
            guard let itemValue = json["item"],
                  context.checkObject(itemValue, file: file, what: "the plan item", allowed: ["id", "text", "sources"], required: ["id", "text", "sources"]),
                  let itemID = context.identifier(itemValue["id"], file: file, what: "the plan item id"),
                  let text = context.text(itemValue["text"], file: file, what: "the plan item text") else { return nil }
            let itemSources = context.stringList(itemValue["sources"], file: file, what: "the plan item's sources") ?? []
            if itemSources.isEmpty, let value = itemValue["sources"] {
                context.report(.invalidValue, "a plan item must name at least one source", file: file, value: value)
            }
            nodeKind = .plan(PlanItem(id: itemID, text: text, sources: itemSources, origin: Origin(file: file, value: itemValue)), next: next)
        default:
            nodeKind = .end
        }
        return Node(id: id, flow: flowIndex, kind: nodeKind, messages: messages, sources: sources,
                    sourcesOrigin: json["sources"].map { Origin(file: file, value: $0) }, origin: Origin(file: file, value: json),
                    fill: json["fill"].flatMap { loadFill($0, kind: nodeKind, what: what) })
    }

    /// `"fill": true`, or `"fill": {"<answer>": {"nl": [...], "en": [...]}}`.
    private func loadFill(_ value: JSONValue, kind: Node.Kind, what: String) -> Fill? {
        var answers: [String] = []
        switch kind {
        case .ask(let question): answers = question.choices.map(\.id)
        case .input(let input):
            switch input.type {
            case .yesNo: answers = ["yes", "no"]
            case .oneOf(let options): answers = options.map(\.value)
            default:
                context.report(.invalidValue, "only choices, yes/no and oneOf questions can be filled from earlier answers", file: file, value: value)
                return nil
            }
        default: return nil
        }
        if case .bool(let flag) = value.kind {
            if !flag { return nil }
            if answers == ["yes", "no"] {
                context.report(.invalidValue, "a yes/no question fills only from phrases: write \"fill\": {\"yes\": {...}, \"no\": {...}}", file: file, value: value)
                return nil
            }
            return Fill(phrases: [:], origin: Origin(file: file, value: value))
        }
        guard let members = value.members else {
            context.report(.wrongType, "'fill' of \(what) must be true or an object of phrases per answer, not \(value.typeName)", file: file, value: value)
            return nil
        }
        var phrases: [String: [String: [String]]] = [:]
        for member in context.firstOfEachKey(members, file: file, what: "'fill' of \(what)") where member.key != "$comment" {
            guard answers.contains(member.key) else {
                context.report(.invalidValue, "'fill' names the answer '\(member.key)', which \(what) does not have",
                               at: Origin(file: file, location: member.keyLocation, path: member.value.path),
                               hint: Suggestion.hint(for: member.key, among: answers))
                continue
            }
            phrases[member.key] = context.phrases(member.value, file: file, what: "the '\(member.key)' phrases of 'fill'") ?? [:]
        }
        return Fill(phrases: phrases, origin: Origin(file: file, value: value))
    }

    private func loadChoice(_ json: JSONValue, missing: NodeReference) -> Choice? {
        guard context.checkObject(json, file: file, what: "a choice", allowed: ["id", "label", "synonyms", "next", "set"], required: ["id", "label"]),
              let id = context.identifier(json["id"], file: file, what: "the choice id") else { return nil }
        let origin = Origin(file: file, value: json)
        guard let label = context.text(json["label"], file: file, what: "the label of choice '\(id)'") else { return nil }
        let synonyms = context.phrases(json["synonyms"], file: file, what: "the synonyms of choice '\(id)'") ?? [:]
        var next = reference(json, "next", what: "'next'") ?? NodeReference(written: "", origin: origin)
        if json["next"] == nil { next.written = "" }
        return Choice(id: id, label: label, synonyms: synonyms, next: next, assignments: assignments(json["set"]), origin: origin)
    }

    private func loadInput(_ json: JSONValue, what: String, next: NodeReference) -> Input? {
        guard let question = context.text(json["question"], file: file, what: "the question of \(what)"),
              let variableValue = json["variable"], let variable = context.string(variableValue, file: file, what: "'variable'"),
              let typeValue = json["type"], let typeName = context.string(typeValue, file: file, what: "'type'") else { return nil }
        let type: Input.InputType
        switch typeName {
        case "yesno": type = .yesNo
        case "number":
            let minimum = context.number(json["min"], file: file, what: "'min'")
            let maximum = context.number(json["max"], file: file, what: "'max'")
            if let minimum, let maximum, minimum > maximum, let value = json["min"] {
                context.report(.invalidValue, "'min' (\(DialogValue.number(minimum))) is above 'max' (\(DialogValue.number(maximum)))", file: file, value: value)
            }
            type = .number(minimum: minimum, maximum: maximum)
        case "text":
            let length = context.number(json["maxLength"], file: file, what: "'maxLength'").map { Int($0) } ?? 500
            type = .text(maximumLength: max(1, length))
        case "oneOf":
            var options: [Input.Option] = []
            for element in context.array(json["options"], file: file, what: "'options'", nonEmpty: true) ?? [] {
                guard context.checkObject(element, file: file, what: "an option", allowed: ["value", "label", "synonyms"], required: ["value", "label"]),
                      let value = context.nonEmptyString(element["value"], file: file, what: "the option value"),
                      let label = context.text(element["label"], file: file, what: "the label of option '\(value)'") else { continue }
                options.append(Input.Option(value: value, label: label, synonyms: context.phrases(element["synonyms"], file: file, what: "the synonyms of option '\(value)'") ?? [:]))
            }
            if json["options"] == nil {
                context.report(.missingField, "an input of type oneOf needs 'options'", file: file, value: json)
            }
            type = .oneOf(options)
        default:
            context.report(.invalidValue, "unknown input type '\(typeName)'", file: file, value: typeValue,
                           hint: Suggestion.hint(for: typeName, among: Self.inputTypes) ?? "use one of: \(Self.inputTypes.joined(separator: ", "))")
            return nil
        }
        return Input(question: question, variable: variable, variableOrigin: Origin(file: file, value: variableValue), type: type,
                     invalid: context.text(json["invalid"], file: file, what: "'invalid' of \(what)"), next: next)
    }

    private func condition(_ value: JSONValue?, what: String) -> Condition? {
        guard let value else { return nil }
        let origin = Origin(file: file, value: value)
        switch value.kind {
        case .bool(let flag): return Condition(text: String(flag), expression: .literal(.bool(flag)), origin: origin)
        case .number(let number): return Condition(text: "\(number)", expression: .literal(.number(number)), origin: origin)
        case .string(let text):
            do throws(ExpressionError) {
                return Condition(text: text, expression: try ExpressionParser.parse(text), origin: origin)
            } catch {
                context.report(.expressionSyntax, "\(error.message) in '\(text)'", at: context.inString(origin, at: error.offset))
                return nil
            }
        default:
            context.report(.wrongType, "\(what) must be an expression in a string, not \(value.typeName)", file: file, value: value)
            return nil
        }
    }

    private func assignments(_ value: JSONValue?) -> [Assignment] {
        guard let value else { return [] }
        guard let members = value.members else {
            context.report(.wrongType, "'set' must be an object of values by variable name, not \(value.typeName)", file: file, value: value)
            return []
        }
        return context.firstOfEachKey(members, file: file, what: "'set'").filter { $0.key != "$comment" }.compactMap { member in
            guard let expression = condition(member.value, what: "the value of '\(member.key)'") else { return nil }
            return Assignment(variable: member.key, value: expression,
                              origin: Origin(file: file, location: member.keyLocation, path: member.value.path))
        }
    }
}
