import ArgumentParser
import DialogEngine
import Foundation

/// `second-opinion validate [DIR]`: checks a bundle and prints every problem compiler style.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a dialog bundle and report every problem with its file, line and column.",
        discussion: "Exits with status 1 when there are errors. Without DIR, checks the built-in dialogs.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The bundle folder (holding manifest.json).", valueName: "dir"))
    var directory: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp("Warn about a sentence with more words than this.", valueName: "n"))
    var maxSentenceWords = ReadabilityLimits().sentenceWords

    @Option(help: ArgumentHelp("Warn about a message with more words than this.", valueName: "n"))
    var maxMessageWords = ReadabilityLimits().messageWords

    @Option(help: "text (compiler style) or json (one object: diagnostics with code, severity, file, line, column, path, message, hint).")
    var format: Format = .text

    @Flag(help: "Validate again whenever a file of DIR changes, printing only what changed. Stop with Ctrl-C.")
    var watch = false

    func validate() throws -> Validation {
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
        return Validation(diagnostics: diagnostics, summary: summary, renderer: DiagnosticRenderer(pathPrefix: prefix, sources: files))
    }

    func run() throws {
        var validation = try validate()
        switch format {
        case .text: print(validation.report(), terminator: "")
        case .json: print(DiagnosticJSON(validation.diagnostics, pathPrefix: validation.renderer.pathPrefix).encoded())
        }
        guard watch else {
            if validation.errors > 0 || (strict && validation.warnings > 0) { throw ExitCode(1) }
            return
        }
        guard let directory else {
            StandardError.write("error: --watch needs the bundle folder\n")
            throw ExitCode(2)
        }
        var watcher = BundleWatcher(directory: URL(fileURLWithPath: directory))
        while true {
            fflush(nil)  // all streams: stdout is a pipe when an editor or test reads it
            watcher.waitForChange()
            let next = try validate()
            switch format {
            case .text: print(next.changes(since: validation), terminator: "")
            case .json: print(DiagnosticJSON(next.diagnostics, pathPrefix: next.renderer.pathPrefix).encoded())
            }
            validation = next
        }
    }
}

/// The outcome of validating a bundle once.
struct Validation {
    var diagnostics: [Diagnostic]
    var summary: String
    var renderer: DiagnosticRenderer

    var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    var warnings: Int { diagnostics.count - errors }

    var summaryLine: String {
        TerminalText.inline(summary) + ": \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
    }

    /// Every diagnostic and the summary.
    func report() -> String {
        (diagnostics.isEmpty ? "" : renderer.render(diagnostics) + "\n") + summaryLine
    }

    /// The diagnostics that are new, those that went away (one line each), and the summary.
    func changes(since earlier: Validation) -> String {
        let added = diagnostics.filter { !earlier.diagnostics.contains($0) }
        let gone = earlier.diagnostics.filter { !diagnostics.contains($0) }
        var text = ""
        for diagnostic in gone {
            text += "fixed: " + (earlier.renderer.render(diagnostic).split(separator: "\n").first.map(String.init) ?? "") + "\n"
        }
        if !added.isEmpty { text += renderer.render(added) + "\n" }
        return text + summaryLine
    }
}
