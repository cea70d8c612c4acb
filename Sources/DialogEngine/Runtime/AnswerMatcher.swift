/// Decides which choice (or option) an answer in the person's own words picks: by label, synonym
/// or yes/no word; ignoring case, accents, punctuation and small typos; and never silently on a
/// weak match.
enum AnswerMatch: Equatable {
    case picked(Int, score: Double)
    /// Several choices fit equally well, or only one fits weakly: ask which was meant.
    case unclear([Int])
    case none
}

enum AnswerMatcher {
    /// A choice that ends the conversation needs at least this score: nearly its whole label.
    static let endingScore = 0.9
    /// A message that is itself a question answers a choice only with nearly its whole label.
    static let questionScore = 0.8

    static func match(_ words: [String], index: PhraseIndex) -> AnswerMatch {
        guard !words.isEmpty else { return .none }
        let ranked = PhraseMatcher.rank(words, in: index)
        guard let best = ranked.first else { return .none }
        let tied = ranked.filter { best.score - $0.score < PhraseMatcher.tieMargin }
        if tied.count > 1 { return .unclear(tied.map(\.target).sorted()) }
        if best.score < PhraseMatcher.confident { return .unclear([best.target]) }
        return .picked(best.target, score: best.score)
    }

    /// A number in what the person typed: "3", "2,5", "€ 385", "about 40 years".
    static func number(in text: String) -> Double? {
        var current = ""
        var found: [String] = []
        for character in text {
            if character.isNumber || ((character == "," || character == ".") && !current.isEmpty) || (character == "-" && current.isEmpty) {
                current.append(character == "," ? "." : character)
            } else if !current.isEmpty {
                found.append(current)
                current = ""
            }
        }
        if !current.isEmpty { found.append(current) }
        // A number too large for a Double ("1" and 400 zeros) is infinite: no answer, and never
        // a value that could not be saved.
        let numbers = found.compactMap { Double($0.hasSuffix(".") ? String($0.dropLast()) : $0) }
        return numbers.count == 1 && numbers[0].isFinite ? numbers[0] : nil
    }
}
