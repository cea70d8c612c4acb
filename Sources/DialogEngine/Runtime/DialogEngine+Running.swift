/// Moving through nodes until one waits for the person, and showing the waiting node again.
extension DialogEngine {
    /// Runs nodes from `start` until one waits for input or the conversation ends.
    func run(from start: Int, in session: inout DialogSession, builder: inout TurnBuilder) {
        var index = start
        // Validation rejects loops without input; the cap guards bundles loaded some other way.
        for _ in 0..<10_000 {
            guard index >= 0 else { break }
            let node = compiled.nodes[index]
            let flowID = compiled.flows[node.flow].id
            builder.events.append(DialogEvent(.nodeEntered, flow: flowID, node: node.id))
            builder.cite(node.citedSources)
            if compiled.flows[node.flow].listed, session.visited?.last != flowID { DialogSession.append(flowID, to: &session.visited) }
            noteFacts(of: node.shownTexts, in: &session)
            let render = { (text: LocalizedText, session: DialogSession) in
                text.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables,
                    pack: compiled.pack(session.language))
            }
            switch node.kind {
            case .ask, .input:
                if node.fill != nil, let next = fill(at: index, in: &session, builder: &builder) {
                    index = next
                    continue
                }
                session.position = compiled.qualifiedID(of: index)
                session.ended = false
                presentCurrent(session, builder: &builder)
                return
            case .say(let next):
                for message in node.messages { builder.say(render(message, session)) }
                index = next.target
            case .branch(let cases, let otherwise):
                index = cases.first { $0.condition.expression.isTrue(session.variables) }?.next.target ?? otherwise.target
            case .goto(let target):
                index = target.target
            case .call(let callee, let next):
                session.callStack.append(compiled.qualifiedID(of: next.target))
                index = compiled.flows[callee.target].start.target
            case .set(let assignments, let next):
                for assignment in assignments {
                    if let value = assignment.value.expression.evaluate(session.variables) {
                        assign(assignment.variable, value, at: index, in: &session, builder: &builder)
                    }
                }
                index = next.target
            case .plan(let item, let next):
                for message in node.messages { builder.say(render(message, session)) }
                if !session.plan.contains(where: { $0.item == item.id }) {
                    session.plan.append(DialogSession.PlanMark(item: item.id, node: compiled.qualifiedID(of: index)))
                    builder.events.append(DialogEvent(.planItemAdded, flow: flowID, node: node.id, planItem: item.id))
                }
                index = next.target
            case .end:
                for message in node.messages { builder.say(render(message, session)) }
                if let returnPoint = session.callStack.popLast(), let target = compiled.nodeIndex[returnPoint] {
                    index = target
                    continue
                }
                session.position = nil
                session.ended = true
                builder.events.append(DialogEvent(.ended, flow: flowID, node: node.id))
                return
            }
        }
    }

    func assign(_ variable: String, _ value: DialogValue, at node: Int, in session: inout DialogSession, builder: inout TurnBuilder) {
        session.variables[variable] = value
        let flow = compiled.flows[compiled.nodes[node].flow].id
        builder.events.append(DialogEvent(.variableSet, flow: flow, node: compiled.nodes[node].id, variable: variable, value: value))
    }

    /// Shows the waiting node again: its messages (unless only the question needs repeating).
    func presentCurrent(_ session: DialogSession, builder: inout TurnBuilder, repeatMessages: Bool = true) {
        guard let position = session.position, let index = compiled.nodeIndex[position] else {
            if session.ended && builder.outcome != .quit && builder.messages.isEmpty {
                builder.say(compiled.strings(session.language).conversationEnded)
            }
            return
        }
        if repeatMessages {
            for message in compiled.nodes[index].messages {
                builder.say(message.render(language: session.language, fallback: compiled.defaultLanguage, variables: session.variables,
                    pack: compiled.pack(session.language)))
            }
            builder.cite(compiled.nodes[index].citedSources)
        }
    }

    func positionIDs(_ session: DialogSession) -> (String, String) {
        guard let position = session.position, let index = compiled.nodeIndex[position] else {
            return (compiled.flows[compiled.entryFlow].id, "")
        }
        return (compiled.flows[compiled.nodes[index].flow].id, compiled.nodes[index].id)
    }

}
