#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
///
/// Phrases are kept as numbers into the index's vocabulary, all in one list: an index is built
/// at load for every question, and a list of words per phrase was most of its memory. Matching
/// compares the numbers, and reads each word's flags instead of hashing it into word sets.
struct PhraseIndex: Sendable {
    ///
    /// Places and counts are 32-bit: an index is kept for every question, and a bundle of
    /// 10,000 questions held 5 MB of 64-bit numbers in them. A target must be below 2³¹.
    struct Entry: Sendable {
        private let targetNumber: Int32
        private let firstWord: Int32
        private let wordCount: UInt16
        /// Written by the author (a label or synonym), not added by the engine (a yes/no word).
        let authored: Bool

        init(target: Int, wordRange: Range<Int>, authored: Bool) {
            targetNumber = Int32(target)
            firstWord = Int32(wordRange.lowerBound)
            wordCount = UInt16(wordRange.count)
            self.authored = authored
        }

        /// The index of the target (choice, option or flow), from 0.
        var target: Int { Int(targetNumber) }
        /// Where the phrase's words (places in `vocabulary`) are in `phraseWords`.
        var wordRange: Range<Int> { Int(firstWord)..<Int(firstWord) + Int(wordCount) }
    }

    /// One distinct word of the index's phrases.
    /// 48 bytes: its numbers are as small as they can be, as for ``Entry``.
    struct Word: Sendable {
        let text: String
        /// The word's letter mask, which with its length rules out most typos before the
        /// scalars themselves are read.
        let mask: UInt64
        /// How telling the word is, from 0 (in every target) to 1 (in one target).
        let weight: Double
        private let firstEntry: Int32
        private let entryCount: Int32
        private let scalarCount: UInt32
        /// A small word of the index's languages, which counts for nothing.
        let isStop: Bool
        /// An article or possessive a person may leave out of a phrase.
        let isSkippable: Bool

        init(text: String, weight: Double, isStop: Bool, isSkippable: Bool, entries: Range<Int>) {
            self.text = text
            mask = EditDistance.letterMask(text.unicodeScalars)
            self.weight = weight
            firstEntry = Int32(entries.lowerBound)
            entryCount = Int32(entries.count)
            scalarCount = UInt32(text.unicodeScalars.count)
            self.isStop = isStop
            self.isSkippable = isSkippable
        }

        /// The word's length in Unicode scalars.
        var length: Int { Int(scalarCount) }
        /// Where the positions of the entries whose phrase has the word are in `entryPositions`.
        var entries: Range<Int> { Int(firstEntry)..<Int(firstEntry) + Int(entryCount) }
    }

    /// Every phrase, once `finish` has run.
    private(set) var entries: [Entry] = []
    /// The words of every entry, entry after entry, as places in `vocabulary`.
    private(set) var phraseWords: [Int32] = []
    /// The words of the index's languages: one reference, as an index is kept for every question.
    private let languageWords: LanguageWords
    /// Small words of the index's languages, which count for nothing.
    var stopWords: Set<String> { languageWords.stop }
    /// Articles and possessives a person may leave out of a phrase.
    var skippable: Set<String> { languageWords.skippable }
    /// Phrases added, until `finish` numbers them.
    private var added: [(phrase: Phrase, target: Int, authored: Bool)] = []

    /// An empty index whose phrases are in the languages of `words`.
    init(words: LanguageWords) {
        languageWords = words
    }
    /// Every distinct word of the phrases, in the order first written.
    private(set) var vocabulary: [Word] = []
    /// Each word's place in `vocabulary`, for large vocabularies only. A question's index has a
    /// dozen words or so: those are found by comparing, and a dictionary per question was a
    /// tenth of a loaded bundle's memory.
    private var wordIDs: [String: Int]?
    /// Vocabularies up to this size have no `wordIDs`.
    private static let largeVocabulary = 32
    /// The entries of each word, word after word: one array instead of one per word.
    private var entryPositions: [Int32] = []

    mutating func add(_ text: String, for target: Int, authored: Bool = true) {
        add(Phrase(text), for: target, authored: authored)
    }

    /// Adds a phrase already split into words (the engine's yes/no words are split once per bundle).
    mutating func add(_ phrase: Phrase, for target: Int, authored: Bool = true) {
        precondition((0..<Int(Int32.max)).contains(target), "targets are places in a list, from 0")
        // A phrase past 65,535 words (a text of some 128 KB) cannot be kept in an entry, nor ever
        // match: what a person types is cut at 2,000 characters.
        guard !phrase.words.isEmpty, phrase.words.count <= Int(UInt16.max) else { return }
        added.append((phrase, target, authored))
    }

    /// Numbers the words and computes their weights; call once after the last `add`.
    mutating func finish() {
        precondition(entries.isEmpty, "finish() runs once, after the last add")
        var numbering = WordNumbering()
        // Every (word, entry) pair, numbering the words as they come.
        let wordCount = added.reduce(0) { $0 + $1.phrase.words.count }
        var pairs: [(word: Int, entry: Int)] = []
        pairs.reserveCapacity(wordCount)
        entries.reserveCapacity(added.count)
        phraseWords.reserveCapacity(wordCount)
        for (position, item) in added.enumerated() {
            let start = phraseWords.count
            for word in item.phrase.words {
                let id = numbering.number(word)
                phraseWords.append(Int32(id))
                pairs.append((id, position))
            }
            entries.append(Entry(target: item.target, wordRange: start..<phraseWords.count, authored: item.authored))
        }
        added = []
        let texts = numbering.texts
        // The stop and skippable words in one table, so that each word is looked up once.
        let smallWords = languageWords.smallWords
        // Grouped by word (a counting sort keeps each word's entries in order), each entry once.
        var starts = [Int](repeating: 0, count: texts.count + 1)
        for pair in pairs { starts[pair.word + 1] += 1 }
        for id in texts.indices { starts[id + 1] += starts[id] }
        var filled = starts
        entryPositions = [Int32](repeating: -1, count: pairs.count)
        var ends = [Int](repeating: 0, count: texts.count)
        for pair in pairs {
            let start = starts[pair.word]
            if filled[pair.word] > start, entryPositions[filled[pair.word] - 1] == Int32(pair.entry) { continue }  // "officer officer"
            entryPositions[filled[pair.word]] = Int32(pair.entry)
            filled[pair.word] += 1
            ends[pair.word] = filled[pair.word]
        }
        var targetSeen = [Bool](repeating: false, count: (entries.map(\.target).max() ?? -1) + 1)
        for entry in entries { targetSeen[entry.target] = true }
        let targetCount = Double(targetSeen.count { $0 })
        vocabulary = texts.indices.map { id in
            let text = texts[id]
            let range = starts[id]..<ends[id]
            let small = LanguageWords.SmallWord(rawValue: UInt8(smallWords[text] ?? 0))
            return Word(text: text, weight: targetCount > 1 ? weight(targets: distinctTargets(range), of: targetCount) : 1,
                        isStop: small.contains(.stop), isSkippable: small.contains(.skippable), entries: range)
        }
        self.wordIDs = numbering.ids
    }

    /// Numbers distinct words in the order they come, as a dictionary would: canonically
    /// equivalent spellings are one word. A question's dozen words are found by comparing; a
    /// dictionary is built only once there are more than `largeVocabulary`.
    private struct WordNumbering {
        var texts: [String] = []
        /// Each text's length in bytes, or -1 outside ASCII. Two ASCII words of different
        /// lengths differ, and comparing two lengths costs far less than comparing two strings;
        /// outside ASCII, equal words may differ in length, so those are compared as strings.
        var asciiLengths: [Int] = []
        var ids: [String: Int]?

        mutating func number(_ word: String) -> Int {
            if let ids {
                if let id = ids[word] { return id }
            } else {
                let length = word.isASCII ? word.utf8.count : -1
                for id in asciiLengths.indices where (asciiLengths[id] == length || asciiLengths[id] < 0 || length < 0) && texts[id] == word {
                    return id
                }
                asciiLengths.append(length)
            }
            let id = texts.count
            texts.append(word)
            if ids != nil {
                ids?[word] = id
            } else if texts.count > PhraseIndex.largeVocabulary {
                ids = Dictionary(uniqueKeysWithValues: zip(texts, texts.indices))
            }
            return id
        }
    }

    /// How many targets the entries at `range` of `entryPositions` belong to: the targets of a
    /// question's phrases are its first few dozen choices, so a bit mask counts them.
    private func distinctTargets(_ range: Range<Int>) -> Int {
        var mask: UInt64 = 0
        var seen: [Int] = []
        for position in entryPositions[range] {
            let target = entries[Int(position)].target
            if target < 64 {
                mask |= 1 << UInt64(target)
            } else if !seen.contains(target) {
                seen.append(target)
            }
        }
        return mask.nonzeroBitCount + seen.count
    }

    /// Inverse document frequency, scaled to 0...1; never quite 0, so a word shared by every
    /// target still counts a little.
    private func weight(targets: Int, of targetCount: Double) -> Double {
        max(0.05, log(targetCount / Double(targets)) / log(targetCount))
    }

    /// The positions in `entries` of the entries whose phrase has the word `id`.
    func entries(withWord id: Int) -> LazyMapCollection<ArraySlice<Int32>, Int> { entryPositions[vocabulary[id].entries].lazy.map(Int.init) }

    /// The words of `entry`'s phrase, as places in `vocabulary`.
    func words(of entry: Entry) -> LazyMapCollection<ArraySlice<Int32>, Int> { phraseWords[entry.wordRange].lazy.map(Int.init) }

    /// Whether `entry`'s phrase is exactly `words`.
    func phrase(of entry: Entry, is words: [String]) -> Bool {
        guard entry.wordRange.count == words.count else { return false }
        return zip(phraseWords[entry.wordRange], words).allSatisfy { vocabulary[Int($0)].text == $1 }
    }

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
