/// What the person typed, cleaned once and split into comparable words once, so the many checks
/// of a turn (interrupts, commands, answers, topics) share the work.
struct TypedText {
    /// The cleaned text (see ``InputSanitizer``).
    let text: String
    /// The normalized words (see ``TextNormalizer``).
    let words: [String]

    /// The words before the first comma, semicolon or "and": where an answer followed by
    /// more ("basic, and I have a referral") keeps the answer.
    let head: [String]
    /// Whether the message is a question of its own: a question mark after some words, or a
    /// question word of the conversation's languages first.
    let isQuestion: Bool

    /// `text` read with the words a conversation understands (its "and", its question words).
    init(_ text: String, words known: LanguageWords) {
        self.text = text
        words = TextNormalizer.words(text)
        let beforePunctuation = text.unicodeScalars.prefix { $0 != "," && $0 != ";" }
        let headWords = beforePunctuation.count == text.unicodeScalars.count ? words : TextNormalizer.words(String(String.UnicodeScalarView(beforePunctuation)))
        head = Array(headWords.prefix { !known.and.contains($0) })
        isQuestion = (words.count >= 3 && text.contains("?")) || (words.count >= 4 && known.questionWords.contains(words[0]))
    }

    var normalized: String { words.joined(separator: " ") }
}
