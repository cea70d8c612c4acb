/// Words that say "I don't understand the question", in Dutch and English. Typed at a question,
/// they ask for help; they are never an answer, and never the end of the conversation.
enum ConfusionWords {
    static let phrases: Set<String> = [
        "snap het niet", "snap ik niet", "snap er niks van", "snap er niets van", "begrijp het niet", "begrijp ik niet",
        "begrijp je niet", "snap je niet", "wat bedoel je", "wat betekent dat", "wat betekent", "hoe bedoel je",
        "huh", "he", "hè", "wat", "watte", "sorry wat", "ik volg het niet", "volg het niet", "onduidelijk", "geen idee wat je bedoelt",
        "i dont understand", "dont understand", "do not understand", "what do you mean", "what does that mean", "what does this mean",
        "what", "sorry what", "come again", "i dont get it", "dont get it", "confused", "im confused", "i am confused",
        "not sure what you mean", "pardon", "sorry",
    ]

    /// The phrases of two or more words, which may stand inside a longer message; filtered once
    /// rather than on every turn.
    static let longPhrases = phrases.filter { $0.contains(" ") }

    /// Whether `words` (normalized) say the person does not understand. Long messages are
    /// questions of their own, not confusion.
    static func say(_ words: [String]) -> Bool {
        guard !words.isEmpty, words.count <= 8 else { return false }
        if phrases.contains(words.joined(separator: " ")) { return true }
        return words.count >= 2 && YesNoWords.containsPhrase(of: longPhrases, in: words)
    }
}
