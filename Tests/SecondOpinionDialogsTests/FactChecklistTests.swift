import DialogEngine
import Testing

/// Data/fact-checklist.tsv lists each fact from the source pages with the nodes that state it.
/// Each listed node must exist, be reachable, be written in both languages and cite a source.
@Suite struct FactChecklistTests {
    @Test func everyListedFactIsReachableInBothLanguagesWithASource() throws {
        let rows = try Shipped.rows("fact-checklist.tsv")
        #expect(rows.count >= 40)
        let bundle = try Shipped.bundle()
        for row in rows {
            try #require(row.count == 3, "bad row: \(row)")
            let nodes = row[1].split(separator: " ").map(String.init)
            #expect(!nodes.isEmpty, "\(row[0]) names no node")
            for id in nodes where !id.hasPrefix("manifest:") {
                let node = try #require(bundle.inspect(node: id), "\(row[0]): no node \(id)")
                #expect(node.reachable, "\(row[0]): \(id) is unreachable")
                #expect(node.languages == ["nl", "en"], "\(row[0]): \(id) lacks a language")
                #expect(!node.sources.isEmpty, "\(row[0]): \(id) cites no source")
            }
        }
    }
}
