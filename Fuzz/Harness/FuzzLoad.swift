import Foundation

/// Loading a bundle from in-memory files. The input is the files, each after a line
/// `=== PATH`; a bundle that loads is also started and answered once, and every diagnostic is
/// rendered.
enum FuzzLoad {
    static func run(_ data: Data) {
        var files: [String: String] = [:]
        var path: String?
        var lines: [Substring] = []
        func flush() {
            if let path { files[path] = lines.joined(separator: "\n") }
            lines = []
        }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") {
                flush()
                path = String(line.dropFirst(4))
            } else {
                lines.append(line)
            }
        }
        flush()
        do {
            let bundle = try DialogBundle.load(files: files)
            _ = DiagnosticRenderer(sources: files, maximumPerFile: 5).render(bundle.warnings)
            let engine = DialogEngine(bundle: bundle, transcriptLimit: 10)
            var (session, greeting) = engine.start()
            requireCanGoOn(greeting, "start")
            requireCanGoOn(engine.reply("1", in: &session), "the answer 1")
            requireCanGoOn(engine.back(&session), "back")
        } catch {
            _ = DiagnosticRenderer(sources: files, maximumPerFile: 5).render(error.diagnostics)
        }
    }
}
