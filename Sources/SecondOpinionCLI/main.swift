import DialogEngine
import Foundation
let url = URL(fileURLWithPath: CommandLine.arguments[1])
do {
    let bundle = try DialogBundle.load(directory: url)
    print(DiagnosticRenderer(pathPrefix: "").render(bundle.warnings))
    let engine = DialogEngine(bundle: bundle)
    var (s, t) = engine.start()
    print(t.messages, t.question ?? "", t.choices.map(\.label))
    while let line = readLine() {
        t = engine.reply(line, in: &s)
        print(t.flow, t.node, t.outcome, t.messages, t.question ?? "", t.choices.map(\.label), t.plan.map(\.id), t.ended)
    }
} catch {
    print(DiagnosticRenderer(sources: error.files).render(error.diagnostics))
}
