import ArgumentParser
import DialogEngine
import Foundation

/// `second-opinion chat`: the conversation, in a terminal, through a pipe, or as JSON lines.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Talk with the assistant (the default command).",
        discussion: """
            On a terminal the line is edited with libedit (history, Tab completion, Ctrl-C cancels a line).
            Through a pipe the same conversation runs with plain prompts. With --json, each turn is one JSON
            object per line on standard output (see the README).
            """)

    @OptionGroup var bundle: BundleOptions

    @Option(help: ArgumentHelp("Language to start in, one the bundle declares, such as nl or en (default: from LC_ALL, LC_MESSAGES or LANG, else the bundle's defaultLanguage).",
                               valueName: "code"))
    var lang: String?

    @Flag(help: "Read lines from standard input and write one JSON object per turn.")
    var json = false

    func run() throws {
        let engine = DialogEngine(bundle: try bundle.load())
        let languages = engine.bundle.languages
        if let lang, !languages.contains(lang.lowercased()) {
            let named = languages.dropLast().joined(separator: ", ") + (languages.count > 1 ? " or " : "") + (languages.last ?? "")
            if engine.bundle.translating.contains(lang.lowercased()) {
                throw ValidationError("'\(lang)' is still being translated (\"translating\" in manifest.json): --lang must be \(named)")
            }
            throw ValidationError("--lang must be \(named), not '\(lang)'")
        }
        let environment = ProcessInfo.processInfo.environment
        let language = LanguagePreference.resolve(requested: lang, environment: environment, languages: languages,
                                                 defaultLanguage: engine.bundle.defaultLanguage)
        if json {
            JSONChat(engine: engine, language: language).run()
            return
        }
        let inputIsTerminal = isatty(STDIN_FILENO) == 1
        let outputIsTerminal = isatty(STDOUT_FILENO) == 1
        let reader: any LineReader = inputIsTerminal
            ? LibEditLineReader(historyFile: HistoryLocation.file(environment: environment))
            : PlainLineReader()
        let chat = TerminalChat(
            engine: engine, language: language, reader: reader,
            style: Style.detect(environment: environment, outputIsTerminal: outputIsTerminal),
            width: TerminalSize.columns(environment: environment, isTerminal: outputIsTerminal),
            bundleOptions: bundle, interactive: inputIsTerminal)
        chat.run()
    }
}
