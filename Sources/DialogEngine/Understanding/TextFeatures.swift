/// The features a message is described by: character 3–5-grams inside each word (the word padded
/// with a space on both sides, so "verwijzing" and "verwijsbrief" share "verwij" pieces and a typo
/// breaks only a few of them) and word 1–2-grams (so "eigen risico" counts as one thing).
///
/// Each n-gram is hashed to 64 bits with FNV-1a, which is the same on every machine and every run
/// (Swift's `Hasher` is seeded per process), so the same bundle always trains the same model.
struct TextFeatures {
    /// Hashes of the character n-grams of each distinct word, unsorted (a hash may repeat when
    /// two words share an n-gram).
    var characterGrams: [UInt64] = []
    /// How often each of `characterGrams` occurs: how often its word was typed.
    var characterGramCounts: [Int32] = []
    /// Hashes of the word 1- and 2-grams, one per occurrence, unsorted.
    var wordGrams: [UInt64] = []

    /// 2-grams were tried as well: they routed no better and cost a third more training time.
    static let characterGramLengths = 3...5

    /// The hash of a whole word, as a word 1-gram.
    static func wordHash(_ word: String) -> UInt64 {
        var hash = FNV.start(tag: 0x57)
        for scalar in word.unicodeScalars { hash = FNV.mix(hash, scalar.value) }
        return hash
    }

    /// The features of normalized words (see ``TextNormalizer``).
    init(words: [String]) { self.init(WordList(words)) }

    /// The features of normalized words; each distinct word is cut into n-grams once.
    init(_ list: WordList) {
        characterGrams.reserveCapacity(list.distinct.count * 24)
        characterGramCounts.reserveCapacity(list.distinct.count * 24)
        wordGrams.reserveCapacity(list.words.count * 2)
        var padded: [UInt32] = []
        var wordHashes: [UInt64] = []
        wordHashes.reserveCapacity(list.distinct.count)
        for (word, count) in zip(list.distinct, list.counts) {
            padded.removeAll(keepingCapacity: true)
            padded.append(0x20)
            for scalar in word.unicodeScalars { padded.append(scalar.value) }
            padded.append(0x20)
            for length in Self.characterGramLengths where length <= padded.count {
                for start in 0...(padded.count - length) {
                    var hash = FNV.start(tag: UInt64(length))
                    for offset in start..<(start + length) { hash = FNV.mix(hash, padded[offset]) }
                    characterGrams.append(hash)
                    characterGramCounts.append(count)
                }
            }
            wordHashes.append(Self.wordHash(word))
        }
        var previous: UInt64?
        for place in list.occurrences {
            let wordHash = wordHashes[Int(place)]
            wordGrams.append(wordHash)
            if let previous { wordGrams.append(FNV.mix(FNV.mix(previous, 0x20), UInt32(truncatingIfNeeded: wordHash))) }
            previous = wordHash
        }
    }
}

/// 64-bit FNV-1a with a whole 32-bit unit (a Unicode scalar) mixed in per step: one multiply per
/// scalar instead of four. Distinct n-grams still get distinct hashes but for a 2^-64 chance, and
/// the hashes are the same on every machine and run.
enum FNV {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func start(tag: UInt64) -> UInt64 { mix(offsetBasis, UInt32(truncatingIfNeeded: tag)) }

    @inline(__always)
    static func mix(_ hash: UInt64, _ unit: UInt32) -> UInt64 {
        (hash ^ UInt64(unit)) &* prime
    }
}
