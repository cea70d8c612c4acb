import DialogEngine
import Foundation
import Testing

/// The README's example bundle and the list of diagnostic codes must stay true.
@Suite struct DocumentationTests {
    static let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The files the README shows, each a ```json block after `<!-- file: PATH -->`.
    static func readmeFiles() throws -> [String: String] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var files: [String: String] = [:]
        var pending: String?
        var body: [Substring]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if let current = body {
                if line == "```" {
                    files[pending!] = current.joined(separator: "\n")
                    body = nil
                    pending = nil
                } else {
                    body!.append(line)
                }
            } else if line.hasPrefix("<!-- file: "), line.hasSuffix(" -->") {
                pending = String(line.dropFirst(11).dropLast(4))
            } else if line == "```json", pending != nil {
                body = []
            }
        }
        return files
    }

    @Test func theReadmeExampleIsACompleteValidBundle() throws {
        let files = try Self.readmeFiles()
        #expect(files.keys.sorted() == ["facts.json", "flows/repair.json", "flows/welcome.json", "manifest.json", "sources.json"])
        let bundle = try DialogBundle.load(files: files)
        #expect(bundle.warnings.isEmpty, "\(DiagnosticRenderer(sources: files).render(bundle.warnings))")
        let engine = DialogEngine(bundle: bundle)
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("flat tyre", in: &session)
        let turn = engine.reply("no", in: &session)
        #expect(turn.messages == ["A repair costs €12.5 in 2026.", "See you soon."])
        #expect(turn.plan.map(\.id) == ["bring_bike"])
        #expect(turn.ended)
    }

    @Test func everyDiagnosticCodeIsDocumented() throws {
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        for code in DiagnosticCode.all {
            #expect(docs.contains("## \(code) (\(code.defaultSeverity.rawValue)): \(code.summary)\n\n\(code.explanation)\n"), "\(code)")
        }
    }
}
