import Foundation

/// A phrase an author wrote (label, synonym or trigger), split into normalized words once.
struct Phrase: Sendable, Hashable {
    var words: [String]
    var joined: String

    init(_ text: String) {
        words = TextNormalizer.words(text)
        joined = words.joined(separator: " ")
    }
}

/// Everything an answer can be matched against: a set of targets, each with its phrases, and how
/// telling each word is. A word that appears in the phrases of many targets ("second opinion" in
/// every topic) says little about which target is meant; a word of one target says a lot.
struct PhraseIndex: Sendable {
    struct Entry: Sendable {
        /// The index of the target (choice, option or flow).
        var target: Int
        var phrase: Phrase
        /// Written by the author (a label or synonym), not added by the engine (a yes/no word).
        var authored = true
    }

    var entries: [Entry] = []
    /// Small words of the index's languages, which count for nothing.
    let stopWords: Set<String>
    /// Articles and possessives a person may leave out of a phrase.
    let skippable: Set<String>

    /// An empty index whose phrases are in the languages of `words`.
    init(words: LanguageWords) {
        stopWords = words.stop
        skippable = words.skippable
    }
    /// How telling each known word is, from 0 (in every target) to 1 (in one target).
    private(set) var weights: [String: Double] = [:]
    /// Every distinct word of the phrases, with its scalars ready for typo checks.
    private(set) var vocabulary: [(word: String, scalars: [Unicode.Scalar], mask: UInt64)] = []
    /// For each word, the entries whose phrase contains it.
    private(set) var entriesByWord: [String: [Int]] = [:]

    mutating func add(_ text: String, for target: Int, authored: Bool = true) {
        add(Phrase(text), for: target, authored: authored)
    }

    /// Adds a phrase already split into words (the engine's yes/no words are split once per bundle).
    mutating func add(_ phrase: Phrase, for target: Int, authored: Bool = true) {
        guard !phrase.words.isEmpty else { return }
        entries.append(Entry(target: target, phrase: phrase, authored: authored))
    }

    /// Computes word weights; call once after the last `add`.
    mutating func finish() {
        // Each word's distinct targets, as a short list: a question has a handful of choices,
        // and a set per word cost more than the rest of building the index.
        var targetsByWord: [String: [Int]] = [:]
        targetsByWord.reserveCapacity(entries.count * 2)
        entriesByWord = [:]
        entriesByWord.reserveCapacity(entries.count * 2)
        for (position, entry) in entries.enumerated() {
            for word in entry.phrase.words {
                if targetsByWord[word]?.contains(entry.target) != true { targetsByWord[word, default: []].append(entry.target) }
                if entriesByWord[word]?.last != position { entriesByWord[word, default: []].append(position) }
            }
        }
        vocabulary = targetsByWord.keys.sorted().map { word in
            let scalars = Array(word.unicodeScalars)
            return (word, scalars, EditDistance.letterMask(scalars))
        }
        let targetCount = Double(Set(entries.map(\.target)).count)
        guard targetCount > 1 else { return }
        // Inverse document frequency, scaled to 0...1; never quite 0, so a word shared by every
        // target still counts a little.
        weights = targetsByWord.mapValues { targets in
            max(0.05, log(targetCount / Double(targets.count)) / log(targetCount))
        }
    }

    /// The weight of a typed word: small words count for nothing, unknown words fully.
    func weight(of word: String) -> Double {
        if stopWords.contains(word) { return 0 }
        return weights[word] ?? 1
    }
}
