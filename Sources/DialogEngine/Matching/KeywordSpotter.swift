/// Finds keyword phrases in a message, such as the emergency and crisis triggers: a phrase is
/// found when every meaningful word of it occurs in the message, exactly or, for words of seven
/// letters or more, with a small typo ("door" never counts as "dood"). Costs grow with the
/// message's distinct words, not with the number of phrases: each distinct typed word is looked up
/// once among the phrase words and checked for typos once (only against words of nearly the same
/// length whose letters differ little), and only phrases holding a word found are checked. (A
/// short message is read as typed: listing its distinct words would cost more than it saves.)
struct KeywordSpotter: Sendable {
    private struct Entry: Sendable {
        var target: Int
        /// Where its words are in `entryWords`: the words that must all be found (articles are
        /// left out when others remain).
        var words: Range<Int>
    }

    private var entries: [Entry] = []
    /// The phrases' words as numbers into `vocabulary`, phrase after phrase.
    private var entryWords: [Int32] = []
    /// Every word of every phrase, once.
    private var vocabulary: [String] = []
    /// A word's ``WordList/hash(_:)`` to its number in `vocabulary`.
    private var numbers = ColumnTable(capacity: 64)
    /// For each word of `vocabulary`, the phrases (places in `entries`) that hold it.
    private var entriesOfWord: [[Int32]] = []
    /// Phrase words with at least `shortestTypo` letters, at the place of their length, for typo
    /// checks.
    private var longWordsByLength: [[(number: Int32, scalars: [Unicode.Scalar], mask: UInt64)]] = []
    /// Articles and possessives of the phrases' languages, left out when other words remain.
    private let skippable: Set<String>

    /// An empty spotter for phrases in the languages of `words`.
    init(words: LanguageWords) { skippable = words.skippable }

    /// Words this long or longer may be typed with a typo. Keywords are looked for anywhere in
    /// any message, so a short keyword one edit away from everyday words would fire on them;
    /// answers, matched only at their question, allow typos from 4 letters.
    static let shortestTypo = 7

    mutating func add(_ phrase: String, for target: Int) {
        let all = TextNormalizer.words(phrase)
        let meaningful = all.filter { !skippable.contains($0) }
        let words = meaningful.isEmpty ? all : meaningful
        guard !words.isEmpty else { return }
        let start = entryWords.count
        for word in words {
            let number = self.number(of: word)
            // A word twice in one phrase needs finding once.
            if !entryWords[start...].contains(number) {
                entryWords.append(number)
                entriesOfWord[Int(number)].append(Int32(entries.count))
            }
        }
        entries.append(Entry(target: target, words: start..<entryWords.count))
    }

    /// The number of a phrase word, added to the vocabulary if it is new.
    private mutating func number(of word: String) -> Int32 {
        let (column, isNew) = numbers.insert(WordList.hash(word))
        guard isNew else {
            precondition(vocabulary[Int(column)] == word, "two keywords with the same 64-bit hash")
            return column
        }
        vocabulary.append(word)
        entriesOfWord.append([])
        let scalars = Array(word.unicodeScalars)
        if scalars.count >= Self.shortestTypo {
            while longWordsByLength.count <= scalars.count { longWordsByLength.append([]) }
            longWordsByLength[scalars.count].append((column, scalars, EditDistance.letterMask(scalars)))
        }
        return column
    }

    /// Up to this many words are read as typed; a longer message is first listed with each
    /// distinct word once (a pasted text repeats its words).
    static let unlistedLimit = 16

    /// The target of the longest phrase found in `input` (normalized words), if any; on a tie,
    /// the phrase added first. `listed` is `input` listed, when the caller has it.
    func find(in input: [String], listed: WordList? = nil) -> Int? {
        guard !input.isEmpty, !entries.isEmpty else { return nil }
        let found: [Int32]
        if input.count > Self.unlistedLimit {
            let list = listed ?? WordList(input)
            found = foundWords(list.distinct, hashes: list.distinctHashes)
        } else {
            found = foundWords(input, hashes: input.map(WordList.hash))
        }
        guard !found.isEmpty else { return nil }
        var best: Int32?
        for word in found {
            for place in entriesOfWord[Int(word)] where entryWords[entries[Int(place)].words].allSatisfy(found.contains) {
                guard let current = best else {
                    best = place
                    continue
                }
                let (length, bestLength) = (entries[Int(place)].words.count, entries[Int(current)].words.count)
                if length > bestLength || (length == bestLength && place < current) { best = place }
            }
        }
        return best.map { entries[Int($0)].target }
    }

    /// The phrase words in `input`: typed exactly, then typed with a typo.
    private func foundWords(_ input: [String], hashes: [UInt64]) -> [Int32] {
        var found: [Int32] = []
        for (word, hash) in zip(input, hashes) {
            let number = numbers.column(of: hash)
            if number >= 0, vocabulary[Int(number)] == word, !found.contains(number) { found.append(number) }
        }
        guard !longWordsByLength.isEmpty else { return found }
        // UTF-8 bytes are never fewer than scalars: a cheap test before the scalars are read.
        for typed in input where typed.utf8.count >= Self.shortestTypo - 2 {
            // Length and letters first; the scalars only for a word they do not rule out.
            var (length, mask) = (0, UInt64(0))
            for scalar in typed.unicodeScalars {
                length += 1
                mask |= 1 << (scalar.value & 63)
            }
            guard length >= Self.shortestTypo - 2, length - 2 < longWordsByLength.count else { continue }
            var scalars: [Unicode.Scalar]?
            for candidates in longWordsByLength[(length - 2)...min(length + 2, longWordsByLength.count - 1)] {
                // Two edits at most, whatever the length: a quick test before the exact one.
                for candidate in candidates where EditDistance.mayBeWithin(candidate.mask, mask, edits: 2) && !found.contains(candidate.number) {
                    guard let allowed = PhraseMatcher.typoEdits(length: candidate.scalars.count, typed: length, shortestTypo: Self.shortestTypo,
                                                                masks: (candidate.mask, mask)) else { continue }
                    if scalars == nil { scalars = Array(typed.unicodeScalars) }
                    if PhraseMatcher.distanceQuality(candidate.scalars, scalars!, allowed: allowed) > 0 { found.append(candidate.number) }
                }
            }
        }
        return found
    }
}
