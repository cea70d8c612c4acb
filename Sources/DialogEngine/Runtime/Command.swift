/// A command the person can give anywhere, in Dutch or English, with or without a leading `/`.
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

    static let words: [String: Command] = [
        "help": .help, "hulp": .help, "?": .help, "commands": .help, "commandos": .help,
        "back": .back, "terug": .back, "vorige": .back, "undo": .back, "go back": .back, "ga terug": .back,
        "restart": .restart, "opnieuw": .restart, "herstart": .restart, "start over": .restart, "begin opnieuw": .restart, "reset": .restart,
        "topics": .topics, "onderwerpen": .topics, "menu": .topics, "topic": .topics, "onderwerp": .topics,
        "plan": .plan, "my plan": .plan, "mijn plan": .plan,
        "human": .human, "mens": .human, "a human": .human, "een mens": .human,
        "quit": .quit, "stop": .quit, "exit": .quit, "stoppen": .quit, "afsluiten": .quit, "bye": .quit, "doei": .quit,
        "english": .language("en"), "engels": .language("en"), "in english": .language("en"),
        "nederlands": .language("nl"), "dutch": .language("nl"), "in het nederlands": .language("nl"),
    ]

    static let languageWords: Set<String> = ["lang", "language", "taal"]

    static let languageNames: [String: String] = [
        "nl": "nl", "nederlands": "nl", "dutch": "nl", "en": "en", "english": "en", "engels": "en",
    ]

    /// The command `text` asks for. Without a `/`, only a whole answer that is exactly a command
    /// word counts, so "stop" as an answer to a question that offers "stop" stays an answer.
    /// `isAnswer` gets the words and the command they would be.
    static func parse(_ input: TypedText, isAnswer: (String, Command) -> Bool) -> Command? {
        let trimmed = String(input.text.trimmingWhitespace())
        let slashed = trimmed.hasPrefix("/")
        let body = slashed ? String(trimmed.dropFirst()) : trimmed
        // The words of "/lang en" are those of "lang en": the slash is punctuation.
        let words = body == "?" ? ["?"] : input.words
        guard !words.isEmpty else { return nil }
        if languageWords.contains(words[0]) {
            guard words.count <= 2 else { return nil }
            return .language(words.count == 2 ? (languageNames[words[1]] ?? words[1]) : nil)
        }
        guard let command = Self.words[words.joined(separator: " ")] else { return nil }
        if !slashed && isAnswer(words.joined(separator: " "), command) { return nil }
        return command
    }
}
