/// Resolving names written in the bundle to what they name, with "did you mean" for typos.
extension Linker {
    mutating func resolveNext(_ reference: inout NodeReference, of node: Node, inFlow flow: Int) {
        if reference.written.isEmpty {
            context.report(.noWayOn, "\(node.kindName) node '\(node.id)' has no 'next'", at: node.origin,
                           hint: "add \"next\": the node to continue with, or make it an \"end\" node")
        } else {
            resolve(&reference, inFlow: flow)
        }
    }

    mutating func resolve(_ reference: inout NodeReference, inFlow flow: Int) {
        let flowID = reference.flow ?? bundle.flows[flow].id
        guard let targetFlow = bundle.flowIndex[flowID] else {
            if context.mayBeMissing("flow", flowID) { return }
            context.report(.unknownFlow, "unknown flow '\(flowID)' in '\(reference.written)'", at: reference.origin,
                           hint: Suggestion.hint(for: flowID, among: bundle.flowIndex.keys))
            return
        }
        let nodeID = reference.node
        if let index = bundle.nodeIndex["\(flowID):\(nodeID)"] {
            reference.target = index
            return
        }
        if context.mayBeMissing("node", "\(flowID):\(nodeID)") { return }
        if nodeSuggestions[targetFlow] == nil {
            nodeSuggestions[targetFlow] = SuggestionIndex(bundle.nodes[bundle.flows[targetFlow].nodes].map(\.id))
        }
        let place = reference.flow == nil ? "this flow" : "flow '\(flowID)'"
        context.report(.unknownNode, "unknown node '\(nodeID)' in \(place)", at: reference.origin,
                       hint: suggestion(for: nodeID, in: nodeSuggestions[targetFlow]))
    }

    /// The flow a `call` node calls.
    mutating func resolve(_ callee: inout FlowReference) {
        guard !callee.written.isEmpty else { return }
        if let index = bundle.flowIndex[callee.written] {
            callee.target = index
        } else if !context.mayBeMissing("flow", callee.written) {
            context.report(.unknownFlow, "unknown flow '\(callee.written)'", at: callee.origin,
                           hint: Suggestion.hint(for: callee.written, among: bundle.flowIndex.keys))
        }
    }

    mutating func lookUpVariable(_ name: String, at origin: Origin) -> VariableDeclaration? {
        if let declaration = bundle.variables[name] {
            usedVariables.insert(name)
            return declaration
        }
        if variableSuggestions == nil { variableSuggestions = SuggestionIndex(bundle.variables.keys) }
        context.report(.unknownVariable, "unknown variable '\(name)'", at: origin,
                       hint: suggestion(for: name, in: variableSuggestions) ?? "declare it under \"variables\" in a flow")
        return nil
    }

    /// "did you mean ...?" for `name`, while the budget of suggestions lasts.
    mutating func suggestion(for name: String, in index: SuggestionIndex?) -> String? {
        guard suggestionsLeft > 0, let index else { return nil }
        suggestionsLeft -= 1
        return index.closest(to: name).map { "did you mean '\($0)'?" }
    }

    mutating func checkSources(_ ids: [String], at origin: Origin) {
        for id in ids {
            if bundle.sources[id] == nil {
                if context.mayBeMissing("source", id) { continue }
                if sourceSuggestions == nil { sourceSuggestions = SuggestionIndex(bundle.sources.keys) }
                context.report(.unknownSource, "unknown source '\(id)'", at: origin, hint: suggestion(for: id, in: sourceSuggestions))
            } else {
                usedSources.insert(id)
            }
        }
    }

    mutating func link(_ assignment: inout Assignment) {
        guard let declaration = lookUpVariable(assignment.variable, at: assignment.origin) else { return }
        link(&assignment.value, expecting: declaration.type)
    }

    mutating func link(_ condition: inout Condition, expecting expected: ValueType) {
        usedFacts.formUnion(condition.expression.factsReferenced)
        guard let resolved = types.check(condition, expecting: expected) else { return }
        condition.expression = resolved
        usedVariables.formUnion(resolved.variablesRead)
    }
}
