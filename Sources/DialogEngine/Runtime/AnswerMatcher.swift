/// Decides which choice (or option) an answer picks: by number, label, synonym or yes/no word;
/// ignoring case, accents, punctuation and small typos; and never silently on a weak match.
enum AnswerMatch: Equatable {
    case picked(Int)
    /// Several choices fit equally well, or only one fits weakly: ask which was meant.
    case unclear([Int])
    case none
}

enum AnswerMatcher {
    static func match(_ words: [String], count: Int, index: PhraseIndex?) -> AnswerMatch {
        guard !words.isEmpty else { return .none }
        if words.count == 1, let number = Int(words[0]) {
            return (1...max(1, count)).contains(number) && count > 0 ? .picked(number - 1) : .none
        }
        guard let index else { return .none }
        let ranked = PhraseMatcher.rank(words, in: index)
        guard let best = ranked.first else { return .none }
        let tied = ranked.filter { best.score - $0.score < PhraseMatcher.tieMargin }
        if tied.count > 1 { return .unclear(tied.map(\.target).sorted()) }
        if best.score < PhraseMatcher.confident { return .unclear([best.target]) }
        return .picked(best.target)
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
        let numbers = found.compactMap { Double($0.hasSuffix(".") ? String($0.dropLast()) : $0) }
        return numbers.count == 1 ? numbers[0] : nil
    }
}
