extension DialogBundle {
    /// What an authoring tool or test needs to know about one node.
    public struct NodeSummary: Sendable, Equatable {
        /// The node as `flow:node`.
        public var id: String
        /// The node kind as written (`say`, `ask`, ...).
        public var kind: String
        /// Whether some path from the start, the menu or a listed topic leads here.
        public var reachable: Bool
        /// Languages in which every text of the node is written.
        public var languages: [String]
        /// The sources shown with the node, including those of facts it uses.
        public var sources: [String]
        /// The node's texts in `language`, facts filled in and variables left as `{name}`.
        public var texts: [String: [String]]
    }

    /// A summary of the node `flow:node`, or nil when there is no such node.
    public func inspect(node qualifiedID: String) -> NodeSummary? {
        guard let index = compiled.nodeIndex[qualifiedID] else { return nil }
        let node = compiled.nodes[index]
        let texts = node.texts
        let languages = compiled.languages.filter { language in texts.allSatisfy { $0.segments(language) != nil } }
        var rendered: [String: [String]] = [:]
        for language in compiled.languages {
            rendered[language] = texts.map { text in
                (text.segments(language) ?? []).map { segment in
                    switch segment {
                    case .literal(let literal): literal
                    case .variable(let name): "{\(name)}"
                    }
                }.joined()
            }
        }
        return NodeSummary(id: qualifiedID, kind: node.kindName, reachable: compiled.reachable.indices.contains(index) ? compiled.reachable[index] : false,
                           languages: languages, sources: node.citedSources, texts: rendered)
    }

    /// Every node as `flow:node`, in file order.
    public var nodeIDs: [String] { compiled.nodes.indices.map(compiled.qualifiedID(of:)) }
}
