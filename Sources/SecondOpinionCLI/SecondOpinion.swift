import ArgumentParser
import DialogEngine
import Foundation

/// The `second-opinion` command: a conversation about second opinions in Dutch healthcare, and
/// the tools to write and check its dialogs.
@main
struct SecondOpinion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "second-opinion",
        abstract: "Answers questions about second opinions in Dutch healthcare, in Dutch or English.",
        discussion: "Without a subcommand, starts a conversation in the terminal.",
        version: "0.1.0",
        subcommands: [Chat.self, Validate.self, Test.self, Graph.self, Init.self, Translate.self, RoutingCommand.self, Explain.self, Serve.self],
        defaultSubcommand: Chat.self
    )

    /// Parses and runs, but first refuses a word that is no subcommand: with `chat` as the default
    /// subcommand, argument-parser would otherwise answer a typo with the chat's usage text.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = UnknownCommand.message(for: first, among: commandNames) {
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }

    /// Every subcommand's name, and `help`. Each subcommand states its name: argument-parser
    /// would otherwise derive it from the type's name, which searches every protocol conformance
    /// in the binary and cost about 2 ms of every start.
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }
}
