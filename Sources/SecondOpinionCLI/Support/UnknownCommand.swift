import DialogEngine

/// The error for a first word that is neither an option nor a subcommand.
enum UnknownCommand {
    /// The message to print, or nil when `word` is an option or a known command. The chat takes
    /// no words of its own, so any other first word is a mistyped command.
    static func message(for word: String, among names: [String]) -> String? {
        guard !word.hasPrefix("-"), !names.contains(word) else { return nil }
        if let close = Suggestion.closest(to: word, among: names) {
            return "error: unknown command '\(word)', did you mean '\(close)'?\n"
        }
        return "error: unknown command '\(word)'; the commands are \(names.joined(separator: ", "))\n"
    }
}
