import DialogEngine
import Testing

/// Generated bundles can chain thousands of nodes that run without waiting; checking them must
/// not take a stack frame per node (the loop check once did).
@Suite struct LongChainTests {
    /// A menu whose one choice leads through `length` goto nodes; the last goes to `lastTarget`.
    static func files(length: Int, lastTarget: String) -> [String: String] {
        var nodes = [#"{"id": "menu", "kind": "ask", "question": {"en": "Go?"}, "choices": [{"id": "go", "label": {"en": "Go"}, "next": "g0"}]}"#]
        for index in 0..<length {
            let target = index == length - 1 ? lastTarget : "g\(index + 1)"
            nodes.append(#"{"id": "g\#(index)", "kind": "goto", "target": "\#(target)"}"#)
        }
        return [
            "manifest.json": #"{"id": "chain", "version": "1", "languages": ["en"], "defaultLanguage": "en", "entry": "main", "menu": "main:menu"}"#,
            "facts.json": #"{"facts": {}}"#,
            "sources.json": #"{"sources": {}}"#,
            "flows/main.json": #"{"id": "main", "title": {"en": "Main"}, "listed": false, "nodes": [\#n\#(nodes.joined(separator: ",\n"))]}"#,
        ]
    }

    @Test func aChainOfTwentyThousandNodesBackToAQuestionLoads() throws {
        let bundle = try DialogBundle.load(files: Self.files(length: 20_000, lastTarget: "menu"))
        #expect(bundle.warnings.isEmpty)
    }

    @Test func aLoopAtTheEndOfALongChainIsNamedFromWhereItCloses() throws {
        let error = try #require(throws: BundleLoadError.self) {
            try DialogBundle.load(files: Self.files(length: 20_000, lastTarget: "g19990"))
        }
        let loop = (19_990...19_999).map { "main:g\($0)" } + ["main:g19990"]
        #expect(error.diagnostics.map(\.message) == ["nodes loop without waiting for input: \(loop.joined(separator: " -> "))"])
        // At the node the loop goes back to: line 1 opens the flow, line 2 is the menu, g0 is
        // on line 3, so g19990 is on line 19,993.
        #expect(error.diagnostics.first?.location?.line == 19_993)
    }
}
