/// The shape of a bundle as a graph, read-only: every node with where it is written and every way
/// out of it. Front ends draw it (`second-opinion graph`) or measure how much of it tests reach.
public struct DialogGraph: Sendable, Equatable {
    /// One flow and its nodes in file order; the first node is where the flow starts.
    public struct Flow: Sendable, Equatable {
        /// The flow's id.
        public var id: String
        /// The flow's title in the requested language.
        public var title: String
        /// The file the flow is written in, relative to the bundle folder.
        public var file: String
        /// Whether the flow is listed as a topic.
        public var listed: Bool
        /// The nodes in file order.
        public var nodes: [Node]
    }

    /// One node.
    public struct Node: Sendable, Equatable {
        /// The qualified id, `flow:node`.
        public var id: String
        /// The node's kind as written: `say`, `ask`, `input`, `branch`, `goto`, `call`, `set`, `plan` or `end`.
        public var kind: String
        /// The line the node starts on.
        public var line: Int
        /// The ways out of the node, in the order they are tried.
        public var edges: [Edge]
    }

    /// A way from one node to another.
    public struct Edge: Sendable, Equatable {
        /// What leads along the edge.
        public enum Kind: String, Sendable, Equatable {
            /// The node leads on by itself (`next` of say, input, set, plan).
            case next
            /// The person picked a choice; ``Edge/label`` holds its label and ``Edge/id`` its id.
            case choice
            /// A `goto` node.
            case goto
            /// A `call` node enters the called flow; its end comes back along a ``returns`` edge.
            case call
            /// Where a call continues once the called flow ends (from the call node).
            case afterCall
            /// The end of a called flow returns to the node after the call.
            case returns
            /// A branch case whose condition held; ``Edge/label`` holds the condition.
            case condition
            /// A branch's `else`.
            case otherwise
        }

        /// What leads along the edge.
        public var kind: Kind
        /// The qualified id of the node it leads to.
        public var target: String
        /// The choice's label or the case's condition; nil for the other kinds.
        public var label: String?
        /// The choice's id; nil for the other kinds.
        public var id: String?
        /// The line the choice or case is written on (the node's line for the other kinds).
        public var line: Int
    }

    /// Words answered from anywhere in a conversation.
    public struct Interrupt: Sendable, Equatable {
        /// The interrupt's id.
        public var id: String
        /// Its trigger phrases in the requested language.
        public var triggers: [String]
        /// Where it is written.
        public var file: String
        /// The line it starts on.
        public var line: Int
    }

    /// The flows in file order.
    public var flows: [Flow]
    /// The interrupts in the order written.
    public var interrupts: [Interrupt]
    /// The qualified id of the node conversations start at.
    public var entry: String
}

extension DialogBundle {
    /// The bundle as a graph, with labels in `language` (the bundle's default when nil or unknown).
    public func graph(language: String? = nil) -> DialogGraph {
        let compiled = compiled
        let language = language.flatMap { compiled.languages.contains($0) ? $0 : nil } ?? compiled.defaultLanguage
        func text(_ localized: LocalizedText) -> String {
            localized.raw(language) ?? localized.raw(compiled.defaultLanguage) ?? ""
        }
        func id(_ reference: NodeReference) -> String { compiled.qualifiedID(of: reference.target) }
        // Where each flow returns to when it was called: the nodes after its calls.
        var returnPoints: [Int: [Int]] = [:]
        for node in compiled.nodes {
            if case .call(let callee, let next) = node.kind, !(returnPoints[callee.target] ?? []).contains(next.target) {
                returnPoints[callee.target, default: []].append(next.target)
            }
        }
        let flows = compiled.flows.enumerated().map { flowIndex, flow in
            let nodes = compiled.nodes[flow.nodes].map { node -> DialogGraph.Node in
                let line = node.origin.location.line
                func edge(_ kind: DialogGraph.Edge.Kind, _ target: String, label: String? = nil, id: String? = nil, line: Int = line) -> DialogGraph.Edge {
                    DialogGraph.Edge(kind: kind, target: target, label: label, id: id, line: line)
                }
                var edges: [DialogGraph.Edge] = []
                switch node.kind {
                case .say(let next), .set(_, let next), .plan(_, let next):
                    edges = [edge(.next, id(next))]
                case .input(let input):
                    edges = [edge(.next, id(input.next))]
                case .ask(let question):
                    edges = question.choices.map { edge(.choice, id($0.next), label: text($0.label), id: $0.id, line: $0.origin.location.line) }
                case .branch(let cases, let otherwise):
                    edges = cases.map { edge(.condition, id($0.next), label: $0.condition.text, line: $0.condition.origin.location.line) }
                    edges.append(edge(.otherwise, id(otherwise), line: otherwise.origin.location.line))
                case .goto(let target):
                    edges = [edge(.goto, id(target))]
                case .call(let callee, let next):
                    edges = [edge(.call, compiled.qualifiedID(of: compiled.flows[callee.target].start.target)), edge(.afterCall, id(next))]
                case .end:
                    edges = (returnPoints[flowIndex] ?? []).map { edge(.returns, compiled.qualifiedID(of: $0)) }
                }
                return DialogGraph.Node(id: "\(flow.id):\(node.id)", kind: node.kindName, line: line, edges: edges)
            }
            return DialogGraph.Flow(id: flow.id, title: text(flow.title), file: flow.file, listed: flow.listed, nodes: nodes)
        }
        let interrupts = compiled.interrupts.map {
            DialogGraph.Interrupt(id: $0.id, triggers: $0.triggers[language] ?? [], file: compiled.fileName(of: $0.origin), line: $0.origin.location.line)
        }
        return DialogGraph(flows: flows, interrupts: interrupts, entry: compiled.qualifiedID(of: compiled.flows[compiled.entryFlow].start.target))
    }
}
