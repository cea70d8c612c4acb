/// Resolves every name in a freshly read bundle: node and flow references, sources, variables,
/// facts in placeholders and conditions. Reports each unknown name with a suggestion.
///
/// The jobs around it live beside their stage: placeholders are split by `PlaceholderParser`,
/// types are checked by `TypeChecker`, unused declarations by `UnusedDeclarationChecker`, and
/// the answer indexes are built by `AnswerIndexBuilder`.
struct Linker {
    let context: LoadContext
    var bundle: CompiledBundle
    // Internal rather than private only so that the Linker's extensions in other files can
    // reach them; nothing else touches them.
    /// What linking found used, for the warnings about what is not.
    var usedSources = Set<String>()
    var usedFacts = Set<String>()
    var usedVariables = Set<String>()
    /// Per flow, its node ids prepared for suggestions, built at the first unknown node.
    var nodeSuggestions: [Int: SuggestionIndex] = [:]
    var variableSuggestions: SuggestionIndex?
    var sourceSuggestions: SuggestionIndex?
    /// How many more unknown names get a "did you mean": a bundle with thousands of unknown
    /// names has bigger problems than typos, and searching for each would make checking it slow.
    var suggestionsLeft = 200
    /// Every node's id, by node index, for suggestions while the nodes are being linked.
    var nodeIDs: [String] = []
    let types: TypeChecker

    init(context: LoadContext, bundle: CompiledBundle) {
        self.context = context
        self.bundle = bundle
        types = TypeChecker(bundle: bundle, context: context)
    }

    mutating func link() {
        indexIDs()
        linkFlows()
        // The nodes are taken out while they are linked: with one owner, each node's texts and
        // choices are edited in place rather than copied (the copies doubled the load's memory).
        var nodes = bundle.nodes
        bundle.nodes = []
        for index in nodes.indices { linkNode(&nodes[index]) }
        bundle.nodes = nodes
        if var title = bundle.title {
            link(&title)
            bundle.title = title
        }
        linkInterrupts()
        linkHandoff()
        checkFactSources()
        AnswerIndexBuilder.build(&bundle, context: context)
        UnusedDeclarationChecker(bundle: bundle, context: context)
            .check(usedSources: usedSources, usedFacts: usedFacts, usedVariables: usedVariables)
    }

    private mutating func indexIDs() {
        for (index, flow) in bundle.flows.enumerated() {
            bundle.flowIndex[flow.id] = index
        }
        bundle.qualifiedIDs.reserveCapacity(bundle.nodes.count)
        nodeIDs = bundle.nodes.map(\.id)
        for (index, node) in bundle.nodes.enumerated() {
            let qualifiedID = "\(bundle.flows[node.flow].id):\(node.id)"
            bundle.nodeIndex[qualifiedID] = index
            bundle.qualifiedIDs.append(qualifiedID)
        }
    }

    private mutating func linkFlows() {
        for index in bundle.flows.indices {
            var flow = bundle.flows[index]
            if flow.start.written.isEmpty {
                context.report(.flowWithoutNodes(flow.id), at: flow.origin)
            } else {
                resolve(&flow.start, inFlow: index)
            }
            link(&flow.title)
            bundle.flows[index] = flow
        }
    }

    private mutating func linkInterrupts() {
        for index in bundle.interrupts.indices {
            var interrupt = bundle.interrupts[index]
            for message in interrupt.messages.indices { link(&interrupt.messages[message]) }
            checkSources(interrupt.sources, at: interrupt.origin)
            bundle.interrupts[index] = interrupt
        }
    }

    private mutating func linkHandoff() {
        guard var handoff = bundle.handoff else { return }
        for reason in handoff.reasons.keys {
            for index in handoff.reasons[reason, default: []].indices { link(&handoff.reasons[reason]![index]) }
        }
        for index in handoff.contact.indices { link(&handoff.contact[index]) }
        for (offset, id) in handoff.sources.enumerated() { checkSources([id], at: handoff.sourceOrigins[safe: offset] ?? handoff.origin) }
        bundle.handoff = handoff
    }

    private mutating func checkFactSources() {
        for fact in bundle.facts.values {
            if bundle.sources[fact.source] == nil {
                if context.mayBeMissing("source", fact.source) { continue }
                context.report(.unknownFactSource(fact: fact.id, source: fact.source, suggestion: Suggestion.closest(to: fact.source, among: bundle.sources.keys)),
                               at: fact.sourceOrigin)
            } else {
                usedSources.insert(fact.source)
            }
        }
    }
}
