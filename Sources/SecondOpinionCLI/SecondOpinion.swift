import ArgumentParser

/// The `second-opinion` command: a conversation about second opinions in Dutch healthcare, and
/// the tools to write and check its dialogs.
@main
struct SecondOpinion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "second-opinion",
        abstract: "Answers questions about second opinions in Dutch healthcare, in Dutch or English.",
        discussion: "Without a subcommand, starts a conversation in the terminal.",
        version: "0.1.0",
        subcommands: [Chat.self, Validate.self, Test.self, RoutingCommand.self, Explain.self, Serve.self],
        defaultSubcommand: Chat.self
    )
}
