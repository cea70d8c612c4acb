import ArgumentParser
import DialogEngine
import Foundation

/// `second-opinion routing FILE.tsv`: how well the bundle routes labelled first messages.
struct RoutingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing",
        abstract: "Score labelled first messages: accuracy per topic and language, asks, misses and a confusion table.",
        discussion: """
            FILE holds one message a line: language<TAB>expected<TAB>text, where expected is a flow id, an \
            interrupt id (emergency, suicide) or outOfScope. Lines starting with # are comments. Each message \
            is typed at the start of a new conversation. A topic counts as correct when the conversation went \
            there, or when the engine asked with it among the choices; a safety label when any safety answer \
            was given. Exits with status 1 when a safety message got no safety answer.
            """)

    @OptionGroup var bundle: BundleOptions

    @Argument(help: ArgumentHelp("The labelled messages.", valueName: "file"))
    var file: String

    @Flag(help: "Print one JSON object per message instead of the report.")
    var json = false

    func run() throws {
        let engine = DialogEngine(bundle: try bundle.load())
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            StandardError.write("error: cannot read \(file) as UTF-8 text\n")
            throw ExitCode(2)
        }
        let cases: [RoutingEvaluation.Case]
        do {
            cases = try RoutingEvaluation.parse(text)
        } catch {
            StandardError.write("\(file):\(error.line): error: \(error.message)\n")
            throw ExitCode(2)
        }
        let evaluation = RoutingEvaluation(engine: engine, cases: cases)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for result in evaluation.results {
                let line = JSONLine(line: result.item.line, language: result.item.language, expected: result.item.expected,
                                    text: result.item.text, reached: result.reached, offered: result.offered, correct: result.correct)
                print(String(decoding: try encoder.encode(line), as: UTF8.self))
            }
        } else {
            print(evaluation.report())
        }
        if !evaluation.missedSafety.isEmpty { throw ExitCode(1) }
    }

    struct JSONLine: Encodable {
        var line: Int
        var language: String
        var expected: String
        var text: String
        var reached: String
        var offered: [String]
        var correct: Bool
    }
}
