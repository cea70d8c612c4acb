import DialogEngine
import Foundation

/// The coverage of test scripts as text for people and as JSON for tools.
enum CoverageReport {
    /// A table per flow, the unreached items as `file:line`, and the total.
    static func text(_ coverage: DialogCoverage, pathPrefix: String) -> String {
        let width = max(4, coverage.flows.map(\.id.count).max() ?? 0)
        func padded(_ text: String, _ count: Int) -> String { text + String(repeating: " ", count: max(0, count - text.count)) }
        func cell(_ count: (reached: Int, total: Int)) -> String { padded("\(count.reached)/\(count.total)", 8) }
        var lines = ["coverage:", "  \(padded("flow", width))  \(padded("nodes", 8)) \(padded("choices", 8)) branch arms"]
        for flow in coverage.flows {
            let row = "\(cell(flow.count(.node))) \(cell(flow.count(.choice))) \(flow.count(.branchArm).reached)/\(flow.count(.branchArm).total)"
            lines.append("  \(padded(flow.id, width))  \(row)")
        }
        let unreached = coverage.flows.flatMap(\.items).filter { !$0.reached }
        if !unreached.isEmpty {
            lines.append("not reached:")
            for item in unreached {
                lines.append("  \(pathPrefix)\(item.file):\(item.line): \(describe(item))")
            }
        }
        let (reached, items) = coverage.total
        lines.append("coverage: \(reached) of \(items) (\(percent(coverage.fraction))%)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ item: DialogCoverage.Item) -> String {
        switch item.kind {
        case .node: "node \(item.node)"
        case .choice: "choice '\(item.detail ?? "")' of \(item.node)"
        case .branchArm: item.detail == "else" ? "else of \(item.node)" : "branch '\(item.detail ?? "")' of \(item.node)"
        }
    }

    /// The percentage with one decimal, rounded down so a report never claims more than was reached.
    static func percent(_ fraction: Double) -> String {
        let tenths = Int((fraction * 1000).rounded(.down))
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The same report as one JSON document.
    static func json(_ coverage: DialogCoverage, pathPrefix: String) throws -> Data {
        struct Count: Encodable { var reached: Int; var total: Int }
        struct Unreached: Encodable { var kind: String; var node: String; var detail: String?; var file: String; var line: Int }
        struct Flow: Encodable { var id: String; var file: String; var nodes: Count; var choices: Count; var branchArms: Count; var unreached: [Unreached] }
        struct Report: Encodable { var reached: Int; var total: Int; var percent: Double; var flows: [Flow] }
        let flows = coverage.flows.map { flow in
            func count(_ kind: DialogCoverage.Item.Kind) -> Count { let c = flow.count(kind); return Count(reached: c.reached, total: c.total) }
            return Flow(id: flow.id, file: pathPrefix + flow.file, nodes: count(.node), choices: count(.choice), branchArms: count(.branchArm),
                        unreached: flow.items.filter { !$0.reached }.map {
                            Unreached(kind: $0.kind.rawValue, node: $0.node, detail: $0.detail, file: pathPrefix + $0.file, line: $0.line)
                        })
        }
        let (reached, total) = coverage.total
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Report(reached: reached, total: total, percent: Double(percent(coverage.fraction))!, flows: flows))
    }
}
