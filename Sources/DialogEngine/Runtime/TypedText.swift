/// What the person typed, cleaned once and split into comparable words once, so the many checks
/// of a turn (interrupts, commands, answers, topics) share the work.
struct TypedText {
    /// The cleaned text (see ``InputSanitizer``).
    let text: String
    /// The normalized words (see ``TextNormalizer``).
    let words: [String]

    init(_ text: String) {
        self.text = text
        words = TextNormalizer.words(text)
    }

    var normalized: String { words.joined(separator: " ") }
}
