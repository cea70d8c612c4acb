import DialogEngine

/// A graph in Graphviz's DOT language: one cluster per flow, edges labelled with choices,
/// conditions, calls and returns.
enum DOTGraph {
    static func render(_ selection: GraphSelection, name: String) -> String {
        var lines = ["digraph \(quoted(name)) {", "  rankdir=TB;", "  node [shape=box, fontname=\"Helvetica\"];", "  edge [fontname=\"Helvetica\", fontsize=10];"]
        if let entry = selection.entry {
            lines.append("  \"start\" [shape=point];")
            lines.append("  \"start\" -> \(quoted(entry));")
        }
        for flow in selection.flows {
            lines.append("  subgraph \(quoted("cluster_" + flow.id)) {")
            lines.append("    label=\(quoted("\(flow.id): \(flow.title)"));")
            for node in flow.nodes {
                lines.append("    \(quoted(node.id)) [label=\(quoted(GraphSelection.caption(of: node)))\(attributes(for: node.kind))];")
            }
            lines.append("  }")
        }
        for target in selection.outside {
            lines.append("  \(quoted(target)) [style=dashed];")
        }
        for interrupt in selection.interrupts {
            let triggers = interrupt.triggers.joined(separator: ", ")
            lines.append("  \(quoted("interrupt:" + interrupt.id)) [shape=octagon, label=\(quoted("interrupt \(interrupt.id)\n\(triggers)"))];")
        }
        for node in selection.flows.flatMap(\.nodes) {
            for edge in node.edges {
                var attributes: [String] = []
                if let label = GraphSelection.label(of: edge) { attributes.append("label=\(quoted(label))") }
                switch edge.kind {
                case .call: attributes.append("style=bold")
                case .afterCall, .returns: attributes.append("style=dashed")
                case .goto: attributes.append("style=dotted")
                default: break
                }
                let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
                lines.append("  \(quoted(node.id)) -> \(quoted(edge.target))\(suffix);")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func attributes(for kind: String) -> String {
        switch kind {
        case "ask", "input": ", style=rounded"
        case "branch": ", shape=diamond"
        case "end": ", shape=doublecircle"
        case "call": ", shape=component"
        default: ""
        }
    }

    /// A DOT string literal; a newline becomes DOT's centred line break.
    private static func quoted(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }
}
