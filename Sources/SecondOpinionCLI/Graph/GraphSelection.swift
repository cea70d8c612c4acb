import DialogEngine

/// The part of a graph to draw: every flow, or one flow with the nodes it leads to elsewhere.
struct GraphSelection {
    /// The flows drawn in full.
    var flows: [DialogGraph.Flow]
    /// Nodes of other flows that the drawn flows lead to, drawn as plain references.
    var outside: [String]
    /// Interrupts, drawn only with the whole bundle (they belong to no flow).
    var interrupts: [DialogGraph.Interrupt]
    /// The entry node when it is drawn.
    var entry: String?

    init(graph: DialogGraph, flow: String?) {
        flows = graph.flows.filter { flow == nil || $0.id == flow }
        let drawn = Set(flows.flatMap { $0.nodes.map(\.id) })
        var outside: [String] = []
        for edge in flows.flatMap({ $0.nodes.flatMap(\.edges) }) where !drawn.contains(edge.target) && !outside.contains(edge.target) {
            outside.append(edge.target)
        }
        self.outside = outside
        interrupts = flow == nil ? graph.interrupts : []
        entry = drawn.contains(graph.entry) ? graph.entry : nil
    }

    /// How an edge is labelled in both formats.
    static func label(of edge: DialogGraph.Edge) -> String? {
        switch edge.kind {
        case .next: nil
        case .choice: edge.label
        case .goto: "goto"
        case .call: "call"
        case .afterCall: "after call"
        case .returns: "return"
        case .condition: edge.label
        case .otherwise: "else"
        }
    }

    /// The node's own name and kind, as shown in the box.
    static func caption(of node: DialogGraph.Node) -> String {
        let name = node.id.split(separator: ":", maxSplits: 1).last.map(String.init) ?? node.id
        return "\(name) (\(node.kind))"
    }
}
