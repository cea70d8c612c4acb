/// Finds keyword phrases in a message, such as the emergency and crisis triggers: a phrase is
/// found when every meaningful word of it occurs in the message, exactly or, for words of seven
/// letters or more, with a small typo ("door" never counts as "dood"). Costs grow linearly with
/// the message: each typed word is looked up once among the phrase words, each distinct one is
/// checked for typos once, and typo checks only compare words of nearly the same length whose
/// letters differ little.
struct KeywordSpotter: Sendable {
    private struct Entry: Sendable {
        var target: Int
        /// The words that must all be found (articles are left out when others remain).
        var words: [String]
    }

    private var entries: [Entry] = []
    /// Every word of every phrase: a typed word is looked up here once.
    private var phraseWords: Set<String> = []
    /// Articles and possessives of the phrases' languages, left out when other words remain.
    private let skippable: Set<String>

    /// An empty spotter for phrases in the languages of `words`.
    init(words: LanguageWords) { skippable = words.skippable }
    /// Phrase words with at least `shortestTypo` letters, by length, for typo checks.
    private var longWordsByLength: [Int: [(word: String, scalars: [Unicode.Scalar], mask: UInt64)]] = [:]

    /// Words this long or longer may be typed with a typo. Keywords are looked for anywhere in
    /// any message, so a short keyword one edit away from everyday words would fire on them;
    /// answers, matched only at their question, allow typos from 4 letters.
    static let shortestTypo = 7

    mutating func add(_ phrase: String, for target: Int) {
        let all = TextNormalizer.words(phrase)
        let meaningful = all.filter { !skippable.contains($0) }
        let words = meaningful.isEmpty ? all : meaningful
        guard !words.isEmpty else { return }
        entries.append(Entry(target: target, words: words))
        phraseWords.formUnion(words)
        for word in words where word.unicodeScalars.count >= Self.shortestTypo {
            let length = word.unicodeScalars.count
            if longWordsByLength[length]?.contains(where: { $0.word == word }) != true {
                let scalars = Array(word.unicodeScalars)
                longWordsByLength[length, default: []].append((word, scalars, EditDistance.letterMask(scalars)))
            }
        }
    }

    /// The target of the longest phrase found in `input` (normalized words), if any; on a tie,
    /// the phrase added first.
    func find(in input: [String]) -> Int? {
        guard !input.isEmpty, !entries.isEmpty else { return nil }
        // Only phrase words matter: the phrase words typed exactly, then those typed with a typo.
        var present: Set<String> = []
        for typed in input where phraseWords.contains(typed) { present.insert(typed) }
        if !longWordsByLength.isEmpty {
            var checked: Set<String> = []
            for typed in input where typed.unicodeScalars.count >= Self.shortestTypo - 2 && checked.insert(typed).inserted {
                let scalars = Array(typed.unicodeScalars)
                let mask = EditDistance.letterMask(scalars)
                for length in (scalars.count - 2)...(scalars.count + 2) {
                    for candidate in longWordsByLength[length] ?? [] where !present.contains(candidate.word) {
                        let quality = PhraseMatcher.typoQuality(candidate.scalars, scalars, shortestTypo: Self.shortestTypo,
                                                                masks: (candidate.mask, mask))
                        if quality > 0 { present.insert(candidate.word) }
                    }
                }
            }
        }
        guard !present.isEmpty else { return nil }
        var best: Entry?
        for entry in entries where entry.words.allSatisfy(present.contains) {
            if best == nil || entry.words.count > best!.words.count { best = entry }
        }
        return best?.target
    }
}
