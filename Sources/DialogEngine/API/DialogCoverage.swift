/// Which nodes, choices and branch arms conversations reached, per flow: what tests leave out.
///
/// Start from a bundle's ``DialogGraph``, record every turn of every test conversation, then read
/// ``flows`` and ``fraction``.
public struct DialogCoverage: Sendable, Equatable {
    /// Something a conversation can reach.
    public struct Item: Sendable, Equatable {
        /// The kinds of item.
        public enum Kind: String, Sendable, Equatable, Codable {
            /// A node was entered.
            case node
            /// A choice of a question was picked.
            case choice
            /// A branch went one way: one of its conditions, or `else`.
            case branchArm
        }

        /// The kind of item.
        public var kind: Kind
        /// The qualified node id (`flow:node`).
        public var node: String
        /// The choice id, the condition, or `else`; nil for nodes.
        public var detail: String?
        /// Where it is written.
        public var file: String
        /// The line it is written on.
        public var line: Int
        /// Whether a conversation reached it.
        public var reached = false
    }

    /// The items of one flow.
    public struct FlowCoverage: Sendable, Equatable {
        /// The flow's id.
        public var id: String
        /// The file it is written in.
        public var file: String
        /// Its nodes, then choices, then branch arms, each in file order.
        public var items: [Item]

        /// How many items of `kind` were reached, and how many there are.
        public func count(_ kind: Item.Kind) -> (reached: Int, total: Int) {
            let ofKind = items.filter { $0.kind == kind }
            return (ofKind.filter(\.reached).count, ofKind.count)
        }
    }

    /// Every flow in file order.
    public private(set) var flows: [FlowCoverage]
    /// Where each item is, by node id and detail, for recording.
    private var index: [String: (flow: Int, item: Int)] = [:]
    /// The ways out of each branch node, to tell which arm a turn took.
    private var arms: [String: [DialogGraph.Edge]] = [:]

    /// Nothing reached yet, over every item of `graph`.
    public init(graph: DialogGraph) {
        flows = graph.flows.map { flow in
            var nodes: [Item] = []
            var choices: [Item] = []
            var branches: [Item] = []
            for node in flow.nodes {
                nodes.append(Item(kind: .node, node: node.id, file: flow.file, line: node.line))
                for edge in node.edges {
                    switch edge.kind {
                    case .choice: choices.append(Item(kind: .choice, node: node.id, detail: edge.id, file: flow.file, line: edge.line))
                    case .condition: branches.append(Item(kind: .branchArm, node: node.id, detail: edge.label, file: flow.file, line: edge.line))
                    case .otherwise: branches.append(Item(kind: .branchArm, node: node.id, detail: "else", file: flow.file, line: edge.line))
                    default: break
                    }
                }
            }
            return FlowCoverage(id: flow.id, file: flow.file, items: nodes + choices + branches)
        }
        for (flowIndex, flow) in flows.enumerated() {
            for (itemIndex, item) in flow.items.enumerated() where index[Self.key(item.kind, item.node, item.detail)] == nil {
                index[Self.key(item.kind, item.node, item.detail)] = (flowIndex, itemIndex)
            }
        }
        for node in graph.flows.flatMap(\.nodes) where node.kind == "branch" {
            arms[node.id] = node.edges
        }
    }

    public static func == (left: DialogCoverage, right: DialogCoverage) -> Bool { left.flows == right.flows }

    private static func key(_ kind: Item.Kind, _ node: String, _ detail: String?) -> String {
        "\(kind.rawValue) \(node) \(detail ?? "")"
    }

    private mutating func mark(_ kind: Item.Kind, _ node: String, _ detail: String? = nil) {
        guard let (flow, item) = index[Self.key(kind, node, detail)] else { return }
        flows[flow].items[item].reached = true
    }

    /// Marks what `turn` went through: the nodes it entered, the choice it took and, for each
    /// branch, the arm that led to the next node entered.
    public mutating func record(_ turn: Turn) {
        var branch: String?
        for event in turn.events {
            let node = "\(event.flow):\(event.node)"
            switch event.kind {
            case .nodeEntered:
                if let from = branch, let arm = arms[from]?.first(where: { $0.target == node }) {
                    mark(.branchArm, from, arm.kind == .otherwise ? "else" : arm.label)
                }
                mark(.node, node)
                branch = arms[node] == nil ? nil : node
            case .answerGiven:
                if let answer = event.answer { mark(.choice, node, answer) }
            default:
                break
            }
        }
    }

    /// The items reached and the items there are, over all flows.
    public var total: (reached: Int, items: Int) {
        let items = flows.flatMap(\.items)
        return (items.filter(\.reached).count, items.count)
    }

    /// The share of items reached, from 0 to 1 (1 for a bundle without items).
    public var fraction: Double {
        let (reached, items) = total
        return items == 0 ? 1 : Double(reached) / Double(items)
    }
}
