import HashTreeCollections

/// Moving through nodes until one waits for the person, and showing the waiting node again.
extension DialogEngine {
    /// Runs nodes from `start` until one waits for input or the conversation ends.
    func run(from start: Int, in turn: inout TurnContext) {
        var index = start
        // Validation rejects loops without input; the cap guards bundles loaded some other way.
        for _ in 0..<10_000 {
            guard index >= 0, let next = enter(index, in: &turn) else { return }
            index = next
        }
    }

    /// Runs the node at `index`: returns the node to run next, or nil when the turn stops there
    /// (a question waits, or the conversation ended).
    private func enter(_ index: Int, in turn: inout TurnContext) -> Int? {
        // The node's parts are read in place: a copy of the whole node costs a retain and a
        // release for each of its texts, lists and origins on every node entered.
        let flow = compiled.nodes[index].flow
        let (flowID, nodeID) = (compiled.flows[flow].id, compiled.nodes[index].id)
        turn.builder.events.append(DialogEvent(.nodeEntered, flow: flowID, node: nodeID))
        turn.builder.cite(compiled.nodes[index].citedSources)
        if compiled.flows[flow].listed, turn.session.visited?.last != flowID { DialogSession.append(flowID, to: &turn.session.visited) }
        noteShownFacts(index, in: &turn.session)
        switch compiled.nodes[index].kind {
        case .ask, .input:
            if compiled.nodes[index].fill != nil, let next = fill(at: index, in: &turn) { return next }
            turn.session.position = compiled.qualifiedID(of: index)
            turn.session.ended = false
            presentCurrent(in: &turn)
            return nil
        case .say(let next):
            say(compiled.nodes[index].messages, in: &turn)
            return next.target
        case .branch(let cases, let otherwise):
            return cases.first { $0.condition.expression.isTrue(turn.session.variableValues) }?.next.target ?? otherwise.target
        case .goto(let target):
            return target.target
        case .call(let callee, let next):
            turn.session.callStack.append(compiled.qualifiedID(of: next.target))
            return compiled.flows[callee.target].start.target
        case .set(let assignments, let next):
            assign(assignments, at: index, in: &turn)
            return next.target
        case .plan(let item, let next):
            say(compiled.nodes[index].messages, in: &turn)
            if !turn.session.plan.contains(where: { $0.item == item.id }) {
                turn.session.plan.append(DialogSession.PlanMark(item: item.id, node: compiled.qualifiedID(of: index)))
                turn.builder.events.append(DialogEvent(.planItemAdded, flow: flowID, node: nodeID, planItem: item.id))
            }
            return next.target
        case .end:
            say(compiled.nodes[index].messages, in: &turn)
            if let returnPoint = turn.session.callStack.popLast(), let target = compiled.nodeIndex[returnPoint] { return target }
            turn.session.position = nil
            turn.session.ended = true
            turn.builder.events.append(DialogEvent(.ended, flow: flowID, node: nodeID))
            return nil
        }
    }

    /// Remembers the facts the node at `index` shows, in the order it shows them (its messages,
    /// then its question or plan item; listed once, when the bundle loads).
    private func noteShownFacts(_ index: Int, in session: inout DialogSession) {
        for fact in compiled.nodes[index].shownFacts where !(session.factsShown ?? []).contains(fact) {
            DialogSession.append(fact, to: &session.factsShown)
        }
    }

    /// Says `messages`, rendered for the conversation as it is now.
    func say(_ messages: [LocalizedText], in turn: inout TurnContext) {
        for message in messages { turn.builder.say(render(message, turn.session)) }
    }

    /// Sets what `assignments` evaluate to; one that evaluates to nothing leaves its variable.
    func assign(_ assignments: [Assignment], at node: Int, in turn: inout TurnContext) {
        for assignment in assignments {
            if let value = assignment.value.expression.evaluate(turn.session.variableValues) {
                assign(assignment.variable, value, at: node, in: &turn)
            }
        }
    }

    func assign(_ variable: String, _ value: DialogValue, at node: Int, in turn: inout TurnContext) {
        turn.session.variableValues[variable] = value
        let flow = compiled.flows[compiled.nodes[node].flow].id
        turn.builder.events.append(DialogEvent(.variableSet, flow: flow, node: compiled.nodes[node].id, variable: variable, value: value))
    }

    /// Shows the waiting node again: its messages (unless only the question needs repeating).
    func presentCurrent(in turn: inout TurnContext, repeatMessages: Bool = true) {
        guard let position = turn.session.position, let index = compiled.nodeIndex[position] else {
            if turn.session.ended && turn.builder.outcome != .quit && turn.builder.messages.isEmpty {
                turn.builder.say(compiled.strings(turn.session.language).conversationEnded)
            }
            return
        }
        if repeatMessages {
            say(compiled.nodes[index].messages, in: &turn)
            turn.builder.cite(compiled.nodes[index].citedSources)
        }
    }

    func positionIDs(_ session: DialogSession) -> (String, String) {
        guard let position = session.position, let index = compiled.nodeIndex[position] else {
            return (compiled.flows[compiled.entryFlow].id, "")
        }
        return (compiled.flows[compiled.nodes[index].flow].id, compiled.nodes[index].id)
    }
}
