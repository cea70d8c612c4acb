/// Linking one node: its texts, where it leads, and what it stores.
extension Linker {
    mutating func linkNode(_ node: inout Node) {
        let flow = node.flow
        for index in node.messages.indices { link(&node.messages[index]) }
        if let sources = node.sources, let origin = node.sourcesOrigin { checkSources(sources, at: origin) }
        // Taken out while linked (the node's other fields are still read), see `takeQuestion`.
        if var question = node.kind.takeQuestion() {
            link(&question, of: node)
            node.kind = .ask(question)
        } else if var input = node.kind.takeInput() {
            link(&input, of: node)
            node.kind = .input(input)
        }
        switch node.kind {
        case .say(var next):
            resolveNext(&next, of: node, inFlow: flow)
            node.kind = .say(next: next)
        case .ask, .input:
            break
        case .branch(var cases, var otherwise):
            linkBranch(&cases, otherwise: &otherwise, of: node)
            node.kind = .branch(cases: cases, otherwise: otherwise)
        case .goto(var target):
            if !target.written.isEmpty { resolve(&target, inFlow: flow) }
            node.kind = .goto(target)
        case .call(var callee, var next):
            resolve(&callee)
            resolveNext(&next, of: node, inFlow: flow)
            node.kind = .call(flow: callee, next: next)
        case .set(var assignments, var next):
            for index in assignments.indices { link(&assignments[index]) }
            resolveNext(&next, of: node, inFlow: flow)
            node.kind = .set(assignments, next: next)
        case .plan(var item, var next):
            link(&item.text)
            checkSources(item.sources, at: item.origin)
            resolveNext(&next, of: node, inFlow: flow)
            node.kind = .plan(item, next: next)
        case .end:
            break
        }
        node.citedSources = citedSources(of: node)
        node.shownFacts = shownFacts(of: node)
    }

    private mutating func link(_ question: inout Question, of node: Node) {
        link(&question.text)
        if var text = question.noMatch {
            link(&text)
            question.noMatch = text
        }
        if let variable = question.variable, let origin = question.variableOrigin,
           let declaration = lookUpVariable(variable, at: origin) {
            types.checkChoices(question.choices.map(\.id), storedIn: declaration, at: origin)
        }
        // Each choice edited where it is: a copy would share, and so copy, its label's texts.
        for index in question.choices.indices {
            link(&question.choices[index].label)
            if question.choices[index].next.written.isEmpty {
                context.report(.choiceWithoutTarget(choice: question.choices[index].id, node: node.id), at: question.choices[index].origin)
            } else {
                resolve(&question.choices[index].next, inFlow: node.flow)
            }
            for assignment in question.choices[index].assignments.indices { link(&question.choices[index].assignments[assignment]) }
        }
    }

    private mutating func link(_ input: inout Input, of node: Node) {
        link(&input.question)
        if var text = input.invalid {
            link(&text)
            input.invalid = text
        }
        if let declaration = lookUpVariable(input.variable, at: input.variableOrigin) {
            types.checkInput(input.type, storedIn: declaration, at: input.variableOrigin)
        }
        if case .oneOf(var options) = input.type {
            input.type = .yesNo  // leaves the options one owner while their labels are linked
            for index in options.indices { link(&options[index].label) }
            input.type = .oneOf(options)
        }
        resolveNext(&input.next, of: node, inFlow: node.flow, kind: "input")
    }

    private mutating func linkBranch(_ cases: inout [BranchCase], otherwise: inout NodeReference, of node: Node) {
        for index in cases.indices {
            link(&cases[index].condition, expecting: .bool)
            resolve(&cases[index].next, inFlow: node.flow)
        }
        if otherwise.written.isEmpty {
            context.report(.branchWithoutElse(node.id), at: node.origin)
        } else {
            resolve(&otherwise, inFlow: node.flow)
        }
    }

    /// The sources shown with the node: its own, its plan item's, and those of the facts its
    /// texts use, in that order and each once.
    private func citedSources(of node: Node) -> [String] {
        var cited = node.sources ?? []
        if case .plan(let item, _) = node.kind { cited += item.sources }
        for text in node.texts {
            for fact in text.facts.sorted() {
                if let source = bundle.facts[fact]?.source, !cited.contains(source) { cited.append(source) }
            }
        }
        // Kept as it is when every source is known: the node's own list then shares its storage.
        guard cited.contains(where: { bundle.sources[$0] == nil }) else { return cited }
        return cited.filter { bundle.sources[$0] != nil }
    }

    /// The facts the node shows, in the order it shows them (its messages, then its question or
    /// plan item; each text's facts by name), each once.
    private func shownFacts(of node: Node) -> [String] {
        var texts = node.messages
        switch node.kind {
        case .ask(let question): texts.append(question.text)
        case .input(let input): texts.append(input.question)
        case .plan(let item, _): texts.append(item.text)
        default: break
        }
        var facts: [String] = []
        for text in texts {
            for fact in text.facts.sorted() where !facts.contains(fact) { facts.append(fact) }
        }
        return facts
    }
}
