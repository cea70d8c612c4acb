import Foundation
import DialogEngine

/// A graph as a Mermaid flowchart, for Markdown that renders Mermaid blocks.
enum MermaidGraph {
    static func render(_ selection: GraphSelection) -> String {
        // Mermaid ids cannot hold ':' or '-', so nodes are numbered in the order drawn.
        var ids: [String: String] = [:]
        func id(_ node: String) -> String {
            if let known = ids[node] { return known }
            let new = "n\(ids.count)"
            ids[node] = new
            return new
        }
        var lines = ["flowchart TD"]
        if let entry = selection.entry {
            lines.append("  start((start)) --> \(id(entry))")
        }
        for flow in selection.flows {
            lines.append("  subgraph \(flow.id)[\(quoted("\(flow.id): \(flow.title)"))]")
            for node in flow.nodes {
                let caption = quoted(GraphSelection.caption(of: node))
                let shape = switch node.kind {
                case "ask", "input": "(\(caption))"
                case "branch": "{\(caption)}"
                case "end": "((\(caption)))"
                case "call": "[[\(caption)]]"
                default: "[\(caption)]"
                }
                lines.append("    \(id(node.id))\(shape)")
            }
            lines.append("  end")
        }
        for target in selection.outside {
            lines.append("  \(id(target))[\(quoted(target))]")
        }
        for (index, interrupt) in selection.interrupts.enumerated() {
            lines.append("  interrupt\(index){{\(quoted("interrupt \(interrupt.id): \(interrupt.triggers.joined(separator: ", "))"))}}")
        }
        for node in selection.flows.flatMap(\.nodes) {
            for edge in node.edges {
                let arrow = switch edge.kind {
                case .call: "==>"
                case .afterCall, .returns, .goto: "-.->"
                default: "-->"
                }
                let label = GraphSelection.label(of: edge).map { "|\(quoted($0))|" } ?? ""
                lines.append("  \(id(node.id)) \(arrow)\(label) \(id(edge.target))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Mermaid string; quotes become the entity Mermaid understands.
    private static func quoted(_ text: String) -> String {
        "\"\(text.replacingOccurrences(of: "\"", with: "#quot;"))\""
    }
}
