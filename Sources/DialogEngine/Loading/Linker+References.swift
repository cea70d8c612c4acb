/// Resolving names written in the bundle to what they name, with "did you mean" for typos.
extension Linker {
    /// `kind` names the node's kind when `node.kind` is set aside while the node is linked.
    mutating func resolveNext(_ reference: inout NodeReference, of node: Node, inFlow flow: Int, kind: String? = nil) {
        if reference.written.isEmpty {
            context.report(.noNext(kind: kind ?? node.kindName, node: node.id), at: node.origin)
        } else {
            resolve(&reference, inFlow: flow)
        }
    }

    mutating func resolve(_ reference: inout NodeReference, inFlow flow: Int) {
        let writtenFlow = reference.flow
        let qualified = writtenFlow != nil
        let flowID = writtenFlow ?? bundle.flows[flow].id
        guard let targetFlow = bundle.flowIndex[flowID] else {
            if context.mayBeMissing("flow", flowID) { return }
            context.report(.unknown(.flow, flowID, place: "in '\(reference.written)'", suggestion: Suggestion.closest(to: flowID, among: bundle.flowIndex.keys)),
                           at: reference.origin)
            return
        }
        // A qualified reference is written as its node's name already.
        let name = qualified ? reference.written : flowID + ":" + reference.written
        if let index = bundle.nodeIndex[name] {
            reference.target = index
            return
        }
        let nodeID = reference.node
        if context.mayBeMissing("node", name) { return }
        if nodeSuggestions[targetFlow] == nil {
            nodeSuggestions[targetFlow] = SuggestionIndex(Array(nodeIDs[bundle.flows[targetFlow].nodes]))
        }
        let place = qualified ? "flow '\(flowID)'" : "this flow"
        context.report(.unknown(.node, nodeID, place: "in \(place)", suggestion: suggestion(for: nodeID, in: nodeSuggestions[targetFlow])),
                       at: reference.origin)
    }

    /// The flow a `call` node calls.
    mutating func resolve(_ callee: inout FlowReference) {
        guard !callee.written.isEmpty else { return }
        if let index = bundle.flowIndex[callee.written] {
            callee.target = index
        } else if !context.mayBeMissing("flow", callee.written) {
            context.report(.unknown(.flow, callee.written, suggestion: Suggestion.closest(to: callee.written, among: bundle.flowIndex.keys)), at: callee.origin)
        }
    }

    mutating func lookUpVariable(_ name: String, at origin: Origin) -> VariableDeclaration? {
        if let declaration = bundle.variables[name] {
            usedVariables.insert(name)
            return declaration
        }
        if variableSuggestions == nil { variableSuggestions = SuggestionIndex(bundle.variables.keys) }
        context.report(.unknown(.variable, name, suggestion: suggestion(for: name, in: variableSuggestions)), at: origin)
        return nil
    }

    /// The name `name` was probably meant to be, while the budget of suggestions lasts.
    mutating func suggestion(for name: String, in index: SuggestionIndex?) -> String? {
        guard suggestionsLeft > 0, let index else { return nil }
        suggestionsLeft -= 1
        return index.closest(to: name)
    }

    mutating func checkSources(_ ids: [String], at origin: Origin) {
        for id in ids {
            if bundle.sources[id] == nil {
                if context.mayBeMissing("source", id) { continue }
                if sourceSuggestions == nil { sourceSuggestions = SuggestionIndex(bundle.sources.keys) }
                context.report(.unknown(.source, id, suggestion: suggestion(for: id, in: sourceSuggestions)), at: origin)
            } else {
                usedSources.insert(id)
            }
        }
    }
}
