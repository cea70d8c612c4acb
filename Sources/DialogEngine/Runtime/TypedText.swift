/// What the person typed, cleaned once and split into comparable words once, so the many checks
/// of a turn (interrupts, commands, answers, topics) share the work.
struct TypedText {
    /// The cleaned text (see ``InputSanitizer``).
    let text: String
    /// The normalized words (see ``TextNormalizer``).
    let words: [String]

    /// The words before the first comma, semicolon or "and"/"en": where an answer followed by
    /// more ("basic, and I have a referral") keeps the answer.
    let head: [String]

    init(_ text: String) {
        self.text = text
        words = TextNormalizer.words(text)
        let beforePunctuation = text.unicodeScalars.prefix { $0 != "," && $0 != ";" }
        let headWords = beforePunctuation.count == text.unicodeScalars.count ? words : TextNormalizer.words(String(String.UnicodeScalarView(beforePunctuation)))
        head = Array(headWords.prefix { $0 != "and" && $0 != "en" })
    }

    var normalized: String { words.joined(separator: " ") }

    /// Whether the message is a question of its own: a question mark after some words, or a
    /// question word first.
    var isQuestion: Bool {
        (words.count >= 3 && text.contains("?")) || (words.count >= 4 && Self.questionWords.contains(words[0]))
    }

    static let questionWords: Set<String> = [
        "wat", "wie", "waar", "wanneer", "waarom", "hoe", "hoeveel", "welke", "welk", "mag", "moet", "kan", "kun", "wordt", "krijg", "is", "zijn", "heb",
        "what", "who", "where", "when", "why", "how", "which", "may", "must", "can", "could", "do", "does", "should", "will", "is", "are", "am",
    ]
}
