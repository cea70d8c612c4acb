import Foundation

/// A phrase an author wrote (label, synonym or trigger), split into normalized words once.
///
/// Phrases are compared by their words (no word holds a space, so that is the same as comparing
/// the words joined by spaces); a joined copy per phrase cost memory in every answer index.
struct Phrase: Sendable, Hashable {
    var words: [String]

    init(_ text: String) {
        words = TextNormalizer.words(text)
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

    /// One distinct word of the index's phrases.
    struct Word: Sendable {
        var text: String
        /// The word's length in Unicode scalars and its letter mask, which rule out most typos
        /// before the scalars themselves are read (a list of them per word was a tenth of a
        /// loaded bundle's memory).
        var length: Int
        var mask: UInt64
        /// How telling the word is, from 0 (in every target) to 1 (in one target).
        var weight: Double
        /// Where the positions of the entries whose phrase has the word are in `entryPositions`.
        var entries: Range<Int>
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
    /// Every distinct word of the phrases, in the order first written.
    private(set) var vocabulary: [Word] = []
    /// Each word's place in `vocabulary`, for large vocabularies only. A question's index is
    /// built at load for every question and has a dozen words or so: those are found by
    /// comparing, and a dictionary per question was a tenth of a loaded bundle's memory.
    private var wordIDs: [String: Int]?
    /// Vocabularies up to this size have no `wordIDs`.
    private static let largeVocabulary = 32
    /// The entries of each word, word after word: one array instead of one per word.
    private var entryPositions: [Int] = []

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
        // Every (word, entry) pair, numbering the words as they come.
        var wordIDs: [String: Int] = [:]
        wordIDs.reserveCapacity(entries.count + entries.count / 2)
        var texts: [String] = []
        var pairs: [(word: Int, entry: Int)] = []
        pairs.reserveCapacity(entries.count * 3)
        for (position, entry) in entries.enumerated() {
            for word in entry.phrase.words {
                let id: Int
                if let known = wordIDs[word] {
                    id = known
                } else {
                    id = texts.count
                    wordIDs[word] = id
                    texts.append(word)
                }
                pairs.append((id, position))
            }
        }
        // Grouped by word (a counting sort keeps each word's entries in order), each entry once.
        var starts = [Int](repeating: 0, count: texts.count + 1)
        for pair in pairs { starts[pair.word + 1] += 1 }
        for id in texts.indices { starts[id + 1] += starts[id] }
        var filled = starts
        entryPositions = [Int](repeating: -1, count: pairs.count)
        var ends = [Int](repeating: 0, count: texts.count)
        for pair in pairs {
            let start = starts[pair.word]
            if filled[pair.word] > start, entryPositions[filled[pair.word] - 1] == pair.entry { continue }  // "officer officer"
            entryPositions[filled[pair.word]] = pair.entry
            filled[pair.word] += 1
            ends[pair.word] = filled[pair.word]
        }
        var targetSeen = [Bool](repeating: false, count: (entries.map(\.target).max() ?? -1) + 1)
        for entry in entries { targetSeen[entry.target] = true }
        let targetCount = Double(targetSeen.count { $0 })
        vocabulary = texts.indices.map { id in
            let text = texts[id]
            let range = starts[id]..<ends[id]
            return Word(text: text, length: text.unicodeScalars.count, mask: EditDistance.letterMask(text.unicodeScalars),
                        weight: targetCount > 1 ? weight(targets: distinctTargets(range), of: targetCount) : 1, entries: range)
        }
        self.wordIDs = texts.count > Self.largeVocabulary ? wordIDs : nil
    }

    /// How many targets the entries at `range` of `entryPositions` belong to; a word is in a
    /// handful of entries, so a short list beats a set.
    private func distinctTargets(_ range: Range<Int>) -> Int {
        var seen: [Int] = []
        for position in entryPositions[range] where !seen.contains(entries[position].target) {
            seen.append(entries[position].target)
        }
        return seen.count
    }

    /// Inverse document frequency, scaled to 0...1; never quite 0, so a word shared by every
    /// target still counts a little.
    private func weight(targets: Int, of targetCount: Double) -> Double {
        max(0.05, log(targetCount / Double(targets)) / log(targetCount))
    }

    /// The positions in `entries` of the entries whose phrase has the word `id`.
    func entries(withWord id: Int) -> ArraySlice<Int> { entryPositions[vocabulary[id].entries] }

    /// How telling a known word is (1 for a word no phrase has).
    func telling(_ word: String) -> Double {
        id(of: word).map { vocabulary[$0].weight } ?? 1
    }

    /// The place of `word` in `vocabulary`, if a phrase has it.
    private func id(of word: String) -> Int? {
        if let wordIDs { return wordIDs[word] }
        return vocabulary.firstIndex { $0.text == word }
    }

    /// The weight of a typed word: small words count for nothing, unknown words fully.
    func weight(of word: String) -> Double {
        if stopWords.contains(word) { return 0 }
        return telling(word)
    }
}
