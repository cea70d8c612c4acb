import DialogEngine
import Foundation
import Testing

/// Scripted conversations for every flow in both languages (Data/conversations/*.convo).
@Suite struct ConversationTests {
    static let scripts: [String] = {
        let folder = Shipped.dataDirectory.appendingPathComponent("conversations")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".convo") }.sorted()
    }()

    @Test func everyFlowHasScriptsInBothLanguages() {
        for flow in ["eligibility", "referrals", "costs", "family", "discrepancy", "request"] {
            #expect(Self.scripts.contains("\(flow)-nl.convo"), "\(flow)-nl.convo")
            #expect(Self.scripts.contains("\(flow)-en.convo"), "\(flow)-en.convo")
        }
    }

    @Test(arguments: scripts)
    func scriptPasses(_ name: String) throws {
        let url = Shipped.dataDirectory.appendingPathComponent("conversations").appendingPathComponent(name)
        let script = try ConversationScript(name: name, text: try String(contentsOf: url, encoding: .utf8))
        let engine = try Shipped.engine()
        #expect(script.problems(in: engine.bundle).isEmpty)
        let failure = script.run(on: engine)
        #expect(failure == nil, "\(failure?.description ?? "")")
    }
}
