import ArgumentParser
import DialogEngine

/// `second-opinion graph`: the dialogs as a graph for Graphviz or Mermaid.
struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the dialogs as a graph: nodes, choices, gotos, calls and returns, branches and interrupts.",
        discussion: "Render DOT with Graphviz ('second-opinion graph | dot -Tsvg > dialogs.svg'); paste Mermaid into a ```mermaid block.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid
    }

    @OptionGroup var bundle: BundleOptions

    @Option(help: "dot (Graphviz) or mermaid.")
    var format: Format = .dot

    @Option(help: ArgumentHelp("Draw only this flow, with the nodes it leads to elsewhere.", valueName: "id"))
    var flow: String?

    @Option(help: ArgumentHelp("The language of choice labels and titles (default: the bundle's).", valueName: "code"))
    var lang: String?

    func run() throws {
        let dialogs = try bundle.load()
        let graph = dialogs.graph(language: lang)
        if let flow, !graph.flows.contains(where: { $0.id == flow }) {
            let hint = Suggestion.hint(for: flow, among: graph.flows.map(\.id)).map { " (\($0))" } ?? ""
            StandardError.write("error: unknown flow '\(flow)'\(hint)\n")
            throw ExitCode(2)
        }
        let selection = GraphSelection(graph: graph, flow: flow)
        switch format {
        case .dot: print(DOTGraph.render(selection, name: dialogs.id), terminator: "")
        case .mermaid: print(MermaidGraph.render(selection), terminator: "")
        }
    }
}
