/// Scores how well what a person typed matches an index of phrases.
///
/// A phrase matches when each of its words appears in the input, exactly or with a small typo;
/// the score grows with the share of the input the phrase explains, telling words counting more
/// than common ones. Articles may be left out.
enum PhraseMatcher {
    struct Candidate: Sendable, Equatable {
        var target: Int
        var score: Double
    }

    /// Score at or above which a single best match is taken without asking.
    static let confident = 0.55
    /// Two candidates closer than this are equally good.
    static let tieMargin = 0.05
    /// The score of a fragment that tells its phrase apart from every other target: enough to
    /// pick, not enough to end a conversation or to take a question as an answer.
    static let tellingFragment = 0.6
    /// What a phrase found whole scores however little of the message it explains: below
    /// `confident`, so a label inside a message mostly about something else is not taken.
    static let wholePhraseFloor = 0.4
    /// What explaining the whole message adds to `wholePhraseFloor`: a phrase that explains
    /// at least about a quarter of what was typed (by word weight) reaches `confident`.
    static let coverageWeight = 0.55
    /// The most a fragment (fewer than half of a phrase's words) scores per share of the phrase
    /// typed: with about half of it typed or less that is about 0.36, far from `confident`, so only
    /// a fragment that tells its phrase apart is lifted, to `tellingFragment`.
    static let fragmentWeight = 0.72
    /// A likely typo counts three quarters of the word typed right: one word with a typo
    /// still scores about 0.71 (above `confident`), two typos in two words 0.71 too, while a
    /// typo never beats the same word typed right.
    static let typoWeight = 0.75

    /// How well each known word matches each typed word, worked out once per answer so that
    /// scoring a phrase is only look-ups.
    struct WordMatches {
        /// For each vocabulary word (by its place): the typed words it matches, with the match
        /// quality; empty for most.
        var byWord: [[(position: Int, quality: Double)]]
        /// The places in the index's vocabulary of the words that match a typed word.
        var matchedWords: [Int] = []
        /// The index, for its words and how telling each is.
        let index: PhraseIndex

        init(input: [String], index: PhraseIndex, shortestTypo: Int) {
            self.index = index
            byWord = Array(repeating: [], count: index.vocabulary.count)
            let typed = input.map { Array($0.unicodeScalars) }
            let typedMasks = typed.map(EditDistance.letterMask)
            for (id, word) in index.vocabulary.enumerated() {
                var found: [(Int, Double)] = []
                for (position, candidate) in input.enumerated() {
                    let quality = word.text == candidate ? 1 : PhraseMatcher.typoQuality(of: word, typed[position], typedMask: typedMasks[position],
                                                                                         shortestTypo: shortestTypo)
                    if quality > 0 { found.append((position, quality)) }
                }
                if !found.isEmpty {
                    byWord[id] = found
                    matchedWords.append(id)
                }
            }
        }

        /// Whether the word `id` is in the phrases of one target only (or the index has one target).
        func isTelling(_ id: Int) -> Bool {
            !index.vocabulary[id].isStop && index.vocabulary[id].weight >= 1
        }

        func quality(_ id: Int, at position: Int) -> Double {
            byWord[id].first { $0.position == position }?.quality ?? 0
        }
    }

    /// The best score per target, best first; targets that do not match at all are left out.
    static func rank(_ input: [String], in index: PhraseIndex, shortestTypo: Int = 4) -> [Candidate] {
        guard !input.isEmpty else { return [] }
        let matches = WordMatches(input: input, index: index, shortestTypo: shortestTypo)
        // Only phrases that share a word with the answer can score.
        var candidates = Set<Int>()
        for id in matches.matchedWords { candidates.formUnion(index.entries(withWord: id)) }
        // Squared, so one telling word ("broer") outweighs several common ones ("second opinion vragen").
        let weights = input.map { index.weight(of: $0) * index.weight(of: $0) }
        var best: [Int: Double] = [:]
        for entryIndex in candidates {
            let entry = index.entries[entryIndex]
            let score = self.score(entry, input: input, weights: weights, matches: matches, partialAllowed: shortestTypo <= 4)
            if score > 0, score > best[entry.target, default: 0] { best[entry.target] = score }
        }
        return best.map { Candidate(target: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.target < $1.target }
    }

    static func score(_ entry: PhraseIndex.Entry, input: [String], weights: [Double], matches: WordMatches, partialAllowed: Bool) -> Double {
        let index = matches.index
        if index.phrase(of: entry, is: input) { return 1.0 }
        let words = index.words(of: entry)
        var quality = 0.0
        var counted = 0
        var used = Set<Int>()
        // Articles in a phrase ("een reparatie") may be left out by the person.
        let optional = words.contains { !index.vocabulary[$0].isStop }
        for word in words {
            var bestQuality = 0.0
            var bestPosition = -1
            for (position, q) in matches.byWord[word] where !used.contains(position) && q > bestQuality {
                bestQuality = q
                bestPosition = position
            }
            if bestPosition < 0, optional, index.vocabulary[word].isSkippable { continue }
            guard bestPosition >= 0 else { return partialAllowed ? partialScore(entry, input: input, matches: matches) : 0 }
            used.insert(bestPosition)
            counted += 1
            quality += bestQuality
        }
        // A phrase mostly made of small words ("dat was het") must be typed mostly whole.
        if counted * 2 < words.count { return partialAllowed ? partialScore(entry, input: input, matches: matches) : 0 }
        let averageQuality = quality / Double(max(counted, 1))
        // The share of what was typed that this phrase explains, weighing telling words more.
        let total = weights.reduce(0, +)
        let explained = used.reduce(0.0) { $0 + weights[$1] }
        let coverage = total > 0 ? explained / total : 1
        return averageQuality * (Self.wholePhraseFloor + Self.coverageWeight * coverage)
    }

    /// When the answer is shorter than the phrase ("wheel" for "the front wheel"), it may still
    /// point at it: every meaningful word typed is in the phrase. Nearly the whole phrase typed
    /// ("de patiënt wil het niet" for "Nee, de patiënt wil het niet") can be enough to pick; a
    /// fragment is only enough to ask which was meant.
    ///
    /// A fragment typed exactly whose words belong to this phrase's target alone ("complaints
    /// officer" for "The complaints officer (klachtenfunctionaris)") tells it apart from every
    /// other answer, so authors need no synonyms for words already in a label: two such words,
    /// or half of the phrase's meaningful words, are enough to pick it.
    static func partialScore(_ entry: PhraseIndex.Entry, input: [String], matches: WordMatches) -> Double {
        let index = matches.index
        let words = index.words(of: entry)
        var quality = 0.0
        var content = 0
        var tellsApart = true
        // Distinct words of the phrase the typed words matched: "officer officer" is one word.
        var matchedWords = Set<Int>()
        let stopWords = index.stopWords
        for (position, word) in input.enumerated() where !stopWords.contains(word) {
            var best = 0.0
            var bestWord = -1
            for candidate in words {
                let candidateQuality = matches.quality(candidate, at: position)
                if candidateQuality > best { (best, bestWord) = (candidateQuality, candidate) }
            }
            guard best > 0 else { return 0 }
            if best < 1 || !matches.isTelling(bestWord) { tellsApart = false }
            matchedWords.insert(bestWord)
            quality += best
            content += 1
        }
        guard content > 0 else { return 0 }
        let typed = words.filter { !matches.byWord[$0].isEmpty }.count
        let share = Double(typed) / Double(words.count)
        let score = Self.fragmentWeight * share * (quality / Double(content))
        guard tellsApart else { return score }
        let phraseContent = words.filter { !index.vocabulary[$0].isStop }.count
        let told = matchedWords.count
        return told >= 2 || told * 2 >= phraseContent ? max(score, tellingFragment) : score
    }

    /// `typoWeight` for a likely typo of an index's word, 0 otherwise (short words and numbers
    /// must match exactly): its scalars are read only for the few typed words that its length
    /// and letter mask do not rule out.
    static func typoQuality(of word: PhraseIndex.Word, _ typed: [Unicode.Scalar], typedMask: UInt64, shortestTypo: Int) -> Double {
        guard let allowed = typoEdits(length: word.length, typed: typed.count, shortestTypo: shortestTypo, masks: (word.mask, typedMask)) else {
            return 0
        }
        return distanceQuality(Array(word.text.unicodeScalars), typed, allowed: allowed)
    }

    /// How many edits a typo of a word `length` scalars long may take, or nil when a typed word
    /// of `typed` scalars cannot be one: too short, too different in length, or (by the letter
    /// masks, when known) in letters.
    static func typoEdits(length: Int, typed: Int, shortestTypo: Int, masks: (expected: UInt64, typed: UInt64)?) -> Int? {
        guard length >= shortestTypo, typed >= 3 else { return nil }
        let allowed = length >= 8 ? 2 : 1
        guard abs(length - typed) <= allowed else { return nil }
        if let masks, !EditDistance.mayBeWithin(masks.expected, masks.typed, edits: allowed) { return nil }
        return allowed
    }

    /// `typoWeight` when the words are at most `allowed` edits apart and the expected one is not a number.
    static func distanceQuality(_ expected: [Unicode.Scalar], _ typed: [Unicode.Scalar], allowed: Int) -> Double {
        guard EditDistance.between(expected, typed, limit: allowed) <= allowed else { return 0 }
        return expected.allSatisfy({ $0.properties.numericType != nil }) ? 0 : typoWeight
    }
}
