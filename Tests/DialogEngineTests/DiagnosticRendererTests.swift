import DialogEngine
import Testing

/// Rendering many diagnostics: each file's lines are indexed once, at most a set number of
/// diagnostics per file are shown with a count of the rest, and text from the bundle cannot
/// carry escape sequences to the terminal.
@Suite struct DiagnosticRendererTests {
    /// The demo bundle plus one flow whose every node points at a node that does not exist.
    static func filesWithUnknownNodes(_ count: Int) -> [String: String] {
        var nodes = [#"{ "id": "start", "kind": "say", "messages": [{ "en": "x", "nl": "x" }], "sources": ["prices"], "next": "n0" }"#]
        for index in 0..<count {
            nodes.append(#"{ "id": "n\#(index)", "kind": "say", "messages": [{ "en": "x", "nl": "x" }], "sources": ["prices"], "next": "m\#(index)" }"#)
        }
        var files = Fixtures.demoFiles()
        files["flows/big.json"] = """
            {
              "id": "big",
              "title": { "en": "Big", "nl": "Groot" },
              "triggers": { "en": ["big"], "nl": ["groot"] },
              "nodes": [
                \(nodes.joined(separator: ",\n    "))
              ]
            }
            """
        return files
    }

    @Test func showsAtMostAHundredPerFileAndCountsTheRest() throws {
        let files = Self.filesWithUnknownNodes(3_000)
        let error = try #require(throws: BundleLoadError.self) { try DialogBundle.load(files: files) }
        #expect(error.errorCount == 3_000)
        let rendered = DiagnosticRenderer(pathPrefix: "bundle/", sources: files).render(error.diagnostics)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 100 * 4 + 1)
        #expect(lines.prefix(4).joined(separator: "\n") == [
            "bundle/flows/big.json:7:105: error: DLG007 unknown node 'm0' in this flow [$.nodes[1].next]",
            #"    { "id": "n0", "kind": "say", "messages": [{ "en": "x", "nl": "x" }], "sources": ["prices"], "next": "m0" },"#,
            String(repeating: " ", count: 104) + "^",
            "hint: did you mean 'n0'?",
        ].joined(separator: "\n"))
        #expect(lines[396] == "bundle/flows/big.json:106:106: error: DLG007 unknown node 'm99' in this flow [$.nodes[100].next]")
        #expect(lines.last == "bundle/flows/big.json: note: 2900 more problems in this file not shown")
    }

    @Test func theLimitIsPerFile() {
        let diagnostics = ["a.json", "a.json", "a.json", "b.json"].map { Diagnostic(code: .unknownNode, file: $0, message: "unknown") }
        #expect(DiagnosticRenderer(maximumPerFile: 2).render(diagnostics) == """
            a.json: error: DLG007 unknown
            a.json: error: DLG007 unknown
            a.json: note: 1 more problem in this file not shown
            b.json: error: DLG007 unknown
            """)
    }

    @Test func textFromTheBundleIsShownWithoutEscapeSequences() {
        let source = "{\n  \"id\": \"\u{1B}[31mred\u{1B}[0m\", \"next\": \"x\"\n}"
        let diagnostic = Diagnostic(code: .unknownNode, file: "flows/\u{1B}]0;t\u{07}x.json", location: SourceLocation(line: 2, column: 31),
                                    message: "unknown node '\u{1B}[2Jx'", hint: "did you mean '\u{9B}y'?")
        let rendered = DiagnosticRenderer(sources: ["flows/\u{1B}]0;t\u{07}x.json": source]).render([diagnostic])
        #expect(rendered == [
            "flows/x.json:2:31: error: DLG007 unknown node 'x'",
            "  \"id\": \"red\", \"next\": \"x\"",
            String(repeating: " ", count: 21) + "^",
            "hint: did you mean 'y'?",
        ].joined(separator: "\n"))
    }
}
