/// A command the person can give anywhere, with or without a leading `/`, in the words of the
/// conversation's language pack.
enum Command: Equatable, Sendable {
    case help
    case back
    case restart
    case topics
    case language(String?)
    case plan
    /// Talk to a person: a handoff to a human.
    case human
    case quit

    /// The commands by the name language packs list their words under.
    static let named: [(name: String, command: Command)] = [
        ("help", .help), ("back", .back), ("restart", .restart), ("topics", .topics), ("plan", .plan), ("human", .human), ("quit", .quit),
    ]

    /// The command `text` asks for. Without a `/`, only a whole answer that is exactly a command
    /// word counts, so "stop" as an answer to a question that offers "stop" stays an answer.
    /// `isAnswer` gets the words and the command they would be.
    static func parse(_ input: TypedText, words known: LanguageWords, isAnswer: ([String], Command) -> Bool) -> Command? {
        let trimmed = input.text.trimmingWhitespace()
        // The byte first: the generic `hasPrefix` cost hundreds of instructions on every turn.
        // Then the character, as a "/" with a combining mark is no slash.
        let slashed = trimmed.utf8.first == UInt8(ascii: "/") && trimmed.first == "/"
        // "?" has no other spelling and is one byte: comparing bytes is comparing strings.
        let body = slashed ? trimmed.dropFirst() : trimmed
        // The words of "/lang en" are those of "lang en": the slash is punctuation.
        let asksForHelp = body.utf8.count == 1 && body.utf8.first == UInt8(ascii: "?")
        let words = asksForHelp ? ["?"] : input.words
        // Longer than every command phrase and than "language en": no command, nothing to look up.
        guard !words.isEmpty, words.count <= max(2, known.longestCommand) else { return nil }
        if known.isLanguageKeyword(words[0]) {
            guard words.count <= 2 else { return nil }
            return .language(words.count == 2 ? (known.languageCodes[words[1]] ?? words[1]) : nil)
        }
        let phrase = asksForHelp ? "?" : input.joined
        guard let command = known.command(phrase) else { return nil }
        if !slashed && isAnswer(words, command) { return nil }
        return command
    }
}
