import ArgumentParser
import DialogEngine
import Foundation
import SecondOpinionDialogs

/// `--dialogs DIR`: chat over or check another bundle than the built-in one.
struct BundleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Use the dialog bundle in this folder instead of the built-in one.", valueName: "dir"))
    var dialogs: String?

    /// The files of the chosen bundle, and how to name them in messages.
    func files() throws -> (files: [String: String], prefix: String, problems: [Diagnostic]) {
        guard let dialogs else { return (SecondOpinionDialogs.files, "Dialogs/", []) }
        let (files, problems) = DialogBundle.readFiles(in: URL(fileURLWithPath: dialogs))
        let prefix = dialogs.hasSuffix("/") ? dialogs : dialogs + "/"
        return (files, prefix, problems)
    }

    /// Loads the bundle, or prints every diagnostic and exits with status 1.
    func load() throws -> DialogBundle {
        let (files, prefix, problems) = try files()
        do throws(BundleLoadError) {
            guard problems.isEmpty else { throw BundleLoadError(diagnostics: problems, files: files) }
            return try DialogBundle.load(files: files)
        } catch {
            let renderer = DiagnosticRenderer(pathPrefix: prefix, sources: files)
            StandardError.write(renderer.render(error.diagnostics) + "\n")
            StandardError.write(TerminalText.inline("The dialogs have \(error.errorCount) error(s); run 'second-opinion validate\(dialogs.map { " \($0)" } ?? "")' for details.") + "\n")
            throw ExitCode(1)
        }
    }
}

/// Writes to standard error without buffering surprises.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
