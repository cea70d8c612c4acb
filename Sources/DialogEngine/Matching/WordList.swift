/// Normalized words with each distinct word listed once, so that work per word (looking it up
/// among keywords, cutting it into n-grams) is done once per distinct word: a pasted text repeats
/// its words many times. `words[i] == distinct[occurrences[i]]`.
struct WordList {
    /// The words in the order typed.
    let words: [String]
    /// Each word once, in the order first typed.
    private(set) var distinct: [String] = []
    /// How often each distinct word occurs.
    private(set) var counts: [Int32] = []
    /// Each distinct word's ``hash(_:)``.
    private(set) var distinctHashes: [UInt64] = []
    /// For each word, its place in `distinct`.
    private(set) var occurrences: [Int32] = []

    init(_ words: [String]) {
        self.words = words
        occurrences.reserveCapacity(words.count)
        // An open-addressing table of places in `distinct`, keyed by a hash of the word's bytes;
        // words are compared only when their hashes meet.
        var size = 8
        while size < words.count * 2 { size <<= 1 }
        let mask = size - 1
        withUnsafeTemporaryAllocation(of: (hash: UInt64, place: Int32).self, capacity: size) { slots in
            slots.initialize(repeating: (0, -1))
            for word in words {
                let hash = Self.hash(word)
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                while slots[slot].place >= 0, slots[slot].hash != hash || distinct[Int(slots[slot].place)] != word {
                    slot = (slot + 1) & mask
                }
                if slots[slot].place < 0 {
                    slots[slot] = (hash, Int32(distinct.count))
                    distinct.append(word)
                    counts.append(0)
                    distinctHashes.append(hash)
                }
                let place = slots[slot].place
                counts[Int(place)] += 1
                occurrences.append(place)
            }
        }
    }

    /// FNV-1a over the word's UTF-8 bytes: cheap, and only ever compared within one process.
    static func hash(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { bytes in
            var hash = FNV.offsetBasis
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* FNV.prime }
            return hash
        }
    }
}
