import Foundation
import Testing

/// Plain language: one turn shows at most three messages before the next question; the rest waits
/// behind a "tell me more" choice or the next question. (Words per sentence and per message are
/// checked by `validate`, which must report nothing: see BundleTests.)
@Suite struct TurnLengthTests {
    static let maximumMessages = 3

    /// The flows' nodes by `flow:node`, read from the JSON files as written.
    static func nodes() throws -> (nodes: [String: [String: Any]], starts: [String]) {
        let folder = Shipped.dialogsDirectory.appendingPathComponent("flows")
        var nodes: [String: [String: Any]] = [:]
        var starts: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
            let flow = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file))) as? [String: Any])
            let id = try #require(flow["id"] as? String)
            let list = try #require(flow["nodes"] as? [[String: Any]])
            for node in list { nodes["\(id):\(node["id"] as? String ?? "")"] = node }
            starts.append("\(id):\(flow["start"] as? String ?? list.first?["id"] as? String ?? "")")
        }
        return (nodes, starts)
    }

    static func qualified(_ reference: String, from node: String) -> String {
        reference.contains(":") ? reference : "\(node.split(separator: ":")[0]):\(reference)"
    }

    /// The most messages a turn can show when the conversation runs from `id` to the next
    /// question or end, over every branch.
    static func messages(from id: String, in nodes: [String: [String: Any]], seen: Set<String> = []) -> Int {
        guard let node = nodes[id], !seen.contains(id) else { return 0 }
        let own = (node["messages"] as? [Any])?.count ?? 0
        let seen = seen.union([id])
        func next(_ key: String) -> Int {
            (node[key] as? String).map { messages(from: qualified($0, from: id), in: nodes, seen: seen) } ?? 0
        }
        switch node["kind"] as? String {
        case "ask", "input", "end": return own
        case "branch":
            let cases = (node["cases"] as? [[String: Any]] ?? []).compactMap { $0["next"] as? String }
            return own + ((cases + [node["else"] as? String].compactMap { $0 }).map { messages(from: qualified($0, from: id), in: nodes, seen: seen) }.max() ?? 0)
        case "goto": return own + next("target")
        default: return own + next("next")
        }
    }

    @Test func noTurnShowsMoreThanThreeMessages() throws {
        let (nodes, starts) = try Self.nodes()
        #expect(nodes.count > 50)
        var entries = starts
        for (id, node) in nodes {
            for choice in node["choices"] as? [[String: Any]] ?? [] {
                if let next = choice["next"] as? String { entries.append(Self.qualified(next, from: id)) }
            }
            if node["kind"] as? String == "input", let next = node["next"] as? String { entries.append(Self.qualified(next, from: id)) }
        }
        for entry in Set(entries).sorted() {
            let count = Self.messages(from: entry, in: nodes)
            #expect(count <= Self.maximumMessages, "a turn from \(entry) shows \(count) messages")
        }
    }

    @Test func anInterruptLeavesRoomForTheQuestionsOwnMessages() throws {
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Shipped.dialogsDirectory.appendingPathComponent("manifest.json"))) as? [String: Any])
        let interrupts = try #require(manifest["interrupts"] as? [[String: Any]])
        let waitingMessages = try Self.nodes().nodes.values.filter { ["ask", "input"].contains($0["kind"] as? String) }
            .map { ($0["messages"] as? [Any])?.count ?? 0 }.max() ?? 0
        for interrupt in interrupts {
            let count = ((interrupt["messages"] as? [Any])?.count ?? 0) + waitingMessages
            #expect(count <= Self.maximumMessages, "\(interrupt["id"] ?? "?") shows \(count) messages")
        }
    }
}
