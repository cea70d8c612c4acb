import DialogEngine
import Foundation
import Testing

/// Each file under Fixtures/broken edits the demo bundle and lists the exact diagnostics (message,
/// file, line:column, JSON path, quoted line, caret and hint) the edit must produce.
/// Run with `UPDATE_FIXTURES=1` to rewrite the expectations after a deliberate wording change.
@Suite struct BrokenBundleTests {
    static let cases = Fixtures.files(in: "broken", suffix: ".txt")

    @Test func thereAreAtLeastTwentyFiveCases() {
        #expect(Self.cases.count >= 25)
    }

    @Test(arguments: cases)
    func producesExactDiagnostics(_ name: String) throws {
        let original = try Fixtures.text("broken", name)
        let fixture = try BrokenBundleFixture(text: original)
        let files = try fixture.apply(to: Fixtures.demoFiles())
        let rendered: String
        do {
            let bundle = try DialogBundle.load(files: files)
            rendered = DiagnosticRenderer(sources: files).render(bundle.warnings)
        } catch {
            rendered = DiagnosticRenderer(sources: files).render(error.diagnostics)
        }
        if ProcessInfo.processInfo.environment["UPDATE_FIXTURES"] == "1" {
            let url = Fixtures.directory.appendingPathComponent("broken").appendingPathComponent(name)
            try fixture.rewritten(original: original, expected: rendered).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(!rendered.isEmpty, "the edit must produce at least one diagnostic")
        #expect(rendered == fixture.expected)
    }

    @Test func everyCodeInTheCatalogHasASummaryAndExplanation() {
        for code in DiagnosticCode.all {
            #expect(!code.summary.isEmpty, "\(code)")
            #expect(code.explanation.count > 40, "\(code)")
        }
        #expect(Set(DiagnosticCode.all).count == DiagnosticCode.all.count)
    }
}
