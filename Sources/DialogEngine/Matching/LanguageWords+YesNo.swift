extension LanguageWords {
    /// `true` for yes, `false` for no, nil when the words say neither, both, or "I don't know".
    func interpretYesNo(_ words: [String]) -> Bool? {
        guard !words.isEmpty else { return nil }
        let joined = words.joined(separator: " ")
        if unsure.contains(joined) || Self.containsPhrase(of: unsure, in: words) { return nil }
        if yes.contains(joined) { return true }
        if no.contains(joined) { return false }
        // A sentence that starts with yes or no: the first word decides, unless the next one takes
        // it back ("ja nee").
        if leadingYes.contains(words[0]) { return words.count > 1 && leadingNo.contains(words[1]) ? nil : true }
        if leadingNo.contains(words[0]) { return words.count > 1 && leadingYes.contains(words[1]) ? nil : false }
        // Short answers such as "ok prima" or "not really, no": all the answer words agree.
        // A bare negation inside a sentence ("ik snap het niet") is not an answer.
        guard words.count <= 4 else { return nil }
        let saysYes = words.contains(where: yes.contains) || Self.containsPhrase(of: yes, in: words)
        let saysNo = words.contains(where: { no.contains($0) && !negations.contains($0) }) || Self.containsPhrase(of: no, in: words)
        if saysYes == saysNo { return nil }
        return saysYes
    }

    /// Whether a phrase of two or more words from `phrases` occurs in `words`.
    static func containsPhrase(of phrases: Set<String>, in words: [String]) -> Bool {
        guard words.count >= 2 else { return false }
        // The longer runs from each start grow from the shorter; any phrase found answers.
        for start in 0..<(words.count - 1) {
            var run = words[start]
            for end in (start + 1)..<min(start + 4, words.count) {
                run += " "
                run += words[end]
                if phrases.contains(run) { return true }
            }
        }
        return false
    }
}
