import ArgumentParser
import DialogEngine
import Foundation

/// `second-opinion explain DLG007`: what a diagnostic code means and how to fix it.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic code such as DLG007, or list them all.")

    @Argument(help: ArgumentHelp("The code to explain.", valueName: "code"))
    var code: String?

    func run() throws {
        guard let code else {
            for code in DiagnosticCode.all {
                print("\(code)  \(code.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(code.summary)")
            }
            return
        }
        let wanted = DiagnosticCode(rawValue: code.uppercased())
        guard DiagnosticCode.all.contains(wanted) else {
            StandardError.write(TerminalText.inline("error: unknown code '\(code)'; run 'second-opinion explain' for the list") + "\n")
            throw ExitCode(2)
        }
        print("\(wanted) (\(wanted.defaultSeverity.rawValue)): \(wanted.summary)\n\n\(wanted.explanation)")
    }
}
