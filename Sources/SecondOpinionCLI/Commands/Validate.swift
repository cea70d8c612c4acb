import ArgumentParser
import DialogEngine
import Foundation

/// `second-opinion validate [DIR]`: checks a bundle and prints every problem compiler style.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dialog bundle and report every problem with its file, line and column.",
        discussion: "Exits with status 1 when there are errors. Without DIR, checks the built-in dialogs.")

    @Argument(help: ArgumentHelp("The bundle folder (holding manifest.json).", valueName: "dir"))
    var directory: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp("Warn about a sentence with more words than this.", valueName: "n"))
    var maxSentenceWords = ReadabilityLimits().sentenceWords

    @Option(help: ArgumentHelp("Warn about a message with more words than this.", valueName: "n"))
    var maxMessageWords = ReadabilityLimits().messageWords

    func run() throws {
        let options = try BundleOptions.parse(directory.map { ["--dialogs", $0] } ?? [])
        let (files, prefix, problems) = try options.files()
        var diagnostics = problems
        var summary = ""
        if problems.isEmpty {
            do {
                let bundle = try DialogBundle.load(files: files, readability: ReadabilityLimits(sentenceWords: maxSentenceWords, messageWords: maxMessageWords))
                diagnostics = bundle.warnings
                summary = "\(bundle.flows.count) flows, \(bundle.nodeCount) nodes, languages \(bundle.languages.joined(separator: ", "))"
            } catch {
                diagnostics = error.diagnostics
            }
        }
        if summary.isEmpty {
            let flows = files.keys.filter { $0.hasPrefix("flows/") }.count
            summary = "\(flows) flow file(s)"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty {
            print(DiagnosticRenderer(pathPrefix: prefix, sources: files).render(diagnostics))
        }
        print(TerminalText.inline(summary) + ": \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
