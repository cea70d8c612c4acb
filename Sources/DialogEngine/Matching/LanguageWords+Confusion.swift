extension LanguageWords {
    /// Whether `words` (normalized) say the person does not understand the question. Typed at a
    /// question, they ask for help; they are never an answer, and never the end of the
    /// conversation. Long messages are questions of their own, not confusion.
    func sayConfused(_ words: [String]) -> Bool {
        guard !words.isEmpty, words.count <= 8 else { return false }
        if confusion.contains(words.joined(separator: " ")) { return true }
        return words.count >= 2 && Self.containsPhrase(of: longConfusion, in: words)
    }
}
