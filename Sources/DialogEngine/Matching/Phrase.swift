/// A phrase an author wrote (label, synonym or trigger), split into normalized words once.
struct Phrase: Sendable, Hashable {
    var words: [String]
    var joined: String

    init(_ text: String) {
        words = TextNormalizer.words(text)
        joined = words.joined(separator: " ")
    }
}

/// Everything an answer can be matched against: a set of targets, each with its phrases.
struct PhraseIndex: Sendable {
    struct Entry: Sendable {
        /// The index of the target (choice, option or flow).
        var target: Int
        var phrase: Phrase
    }

    var entries: [Entry] = []

    mutating func add(_ text: String, for target: Int) {
        let phrase = Phrase(text)
        guard !phrase.words.isEmpty else { return }
        entries.append(Entry(target: target, phrase: phrase))
    }
}
