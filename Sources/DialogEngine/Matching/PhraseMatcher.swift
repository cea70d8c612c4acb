/// Scores how well what a person typed matches an index of phrases.
///
/// A phrase matches when each of its words appears in the input, exactly or with a small typo;
/// the score grows with the share of the input the phrase explains. Small words such as "the" or
/// "een" do not count against a match.
enum PhraseMatcher {
    struct Candidate: Sendable, Equatable {
        var target: Int
        var score: Double
    }

    /// Score at or above which a single best match is taken without asking.
    static let confident = 0.55
    /// Two candidates closer than this are equally good.
    static let tieMargin = 0.05
    /// Score at or above which free text at the menu goes to a topic.
    static let topicAtMenu = 0.45
    /// Score at or above which free text at another question offers to switch topic.
    static let topicElsewhere = 0.6
    /// Any interrupt phrase found whole in the text fires (a whole phrase scores at least 0.4).
    static let interrupt = 0.4

    /// The best score per target, best first; targets that do not match at all are left out.
    static func rank(_ input: [String], in index: PhraseIndex, shortestTypo: Int = 4) -> [Candidate] {
        guard !input.isEmpty else { return [] }
        var best: [Int: Double] = [:]
        // Squared, so one telling word ("broer") outweighs several common ones ("second opinion vragen").
        let weights = input.map { index.weight(of: $0) * index.weight(of: $0) }
        let joined = input.joined(separator: " ")
        for entry in index.entries {
            let score = self.score(entry.phrase, input: input, weights: weights, joined: joined, shortestTypo: shortestTypo)
            if score > 0, score > best[entry.target, default: 0] { best[entry.target] = score }
        }
        return best.map { Candidate(target: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.target < $1.target }
    }

    static func score(_ phrase: Phrase, input: [String], weights: [Double], joined: String, shortestTypo: Int = 4) -> Double {
        if phrase.joined == joined { return 1.0 }
        var quality = 0.0
        var counted = 0
        var used = Set<Int>()
        // Small words in a phrase ("een reparatie") may be left out by the person.
        let optional = phrase.words.contains { !StopWords.all.contains($0) }
        for word in phrase.words {
            var bestQuality = 0.0
            var bestIndex = -1
            for (index, candidate) in input.enumerated() where !used.contains(index) {
                let q = wordQuality(word, candidate, shortestTypo: shortestTypo)
                if q > bestQuality {
                    bestQuality = q
                    bestIndex = index
                    if q == 1 { break }
                }
            }
            if bestIndex < 0, optional, StopWords.skippable.contains(word) { continue }
            guard bestIndex >= 0 else { return shortestTypo > 4 ? 0 : partialScore(phrase, input: input) }
            used.insert(bestIndex)
            counted += 1
            quality += bestQuality
        }
        // A phrase mostly made of small words ("dat was het") must be typed mostly whole.
        if counted * 2 < phrase.words.count { return shortestTypo > 4 ? 0 : partialScore(phrase, input: input) }
        let averageQuality = quality / Double(max(counted, 1))
        // The share of what was typed that this phrase explains, weighing telling words more.
        let total = weights.reduce(0, +)
        let explained = used.reduce(0.0) { $0 + weights[$1] }
        let coverage = total > 0 ? explained / total : 1
        return averageQuality * (0.4 + 0.55 * coverage)
    }

    /// When the answer is shorter than the phrase ("wheel" for "the front wheel"), it may still
    /// point at it: every meaningful word typed is in the phrase. That is never enough to pick,
    /// only to ask which was meant.
    static func partialScore(_ phrase: Phrase, input: [String]) -> Double {
        let content = input.filter { !StopWords.all.contains($0) }
        guard !content.isEmpty else { return 0 }
        var quality = 0.0
        for word in content {
            let best = phrase.words.map { wordQuality($0, word) }.max() ?? 0
            guard best > 0 else { return 0 }
            quality += best
        }
        // Nearly the whole phrase typed ("de patiënt wil het niet" for "Nee, de patiënt wil het
        // niet") can be enough to pick; a fragment ("wheel") is only enough to ask.
        let typed = phrase.words.filter { word in input.contains { wordQuality(word, $0) > 0 } }.count
        let share = Double(typed) / Double(phrase.words.count)
        return 0.72 * share * (quality / Double(content.count))
    }

    /// 1 for the same word, 0.75 for a likely typo, 0 otherwise. Numbers must match exactly.
    static func wordQuality(_ expected: String, _ typed: String, shortestTypo: Int = 4) -> Double {
        if expected == typed { return 1 }
        let length = expected.count
        guard length >= shortestTypo, typed.count >= 3, !expected.allSatisfy(\.isNumber) else { return 0 }
        let allowed = length >= 8 ? 2 : 1
        return EditDistance.between(expected, typed, limit: allowed) <= allowed ? 0.75 : 0
    }
}
