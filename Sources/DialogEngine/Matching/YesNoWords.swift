/// Words for yes and no in Dutch and English, used by yes/no inputs and by choices whose id is
/// `yes` or `no`.
enum YesNoWords {
    static let yes: Set<String> = [
        "ja", "jawel", "jazeker", "zeker", "klopt", "prima", "goed", "akkoord", "graag", "oke", "ok", "okay", "okee", "jep", "ja hoor",
        "yes", "yeah", "yep", "yup", "y", "j", "sure", "correct", "right", "true", "indeed", "of course", "natuurlijk", "inderdaad",
        "dat klopt", "that is right", "thats right", "i do", "i have", "heb ik", "ja graag", "yes please", "absoluut", "absolutely",
        "denk het wel", "ik denk het wel", "i think so", "wel", "jazeker wel",
    ]
    static let no: Set<String> = [
        "nee", "neen", "nope", "nah", "niet", "nooit", "geen", "liever niet", "nee hoor",
        "no", "n", "not", "never", "false", "no thanks", "nee dank je", "nee bedankt",
        "i dont", "i do not", "i havent", "i have not", "heb ik niet", "niet echt", "not really", "denk het niet", "ik denk het niet",
        "i dont think so", "nog niet", "not yet", "helaas niet", "unfortunately not",
    ]
    /// A first word that answers the question, whatever follows: "nee, die wil hij niet geven".
    static let leadingYes: Set<String> = ["ja", "jawel", "jazeker", "klopt", "yes", "yeah", "yep", "yup", "inderdaad", "indeed", "absoluut", "absolutely"]
    static let leadingNo: Set<String> = ["nee", "neen", "nope", "nah", "no", "nooit", "never"]
    /// Words that deny something in a sentence, but answer no only when typed alone.
    static let negations: Set<String> = ["niet", "geen", "not", "n"]
    /// Answers that sound like yes or no but say "I don't know".
    static let unsure: Set<String> = [
        "no idea", "geen idee", "not sure", "weet niet", "weet ik niet", "ik weet het niet", "dont know", "i dont know",
        "no clue", "geen flauw idee", "nee geen idee",
    ]

    /// `true` for yes, `false` for no, nil when the words say neither, both, or "I don't know".
    static func interpret(_ words: [String]) -> Bool? {
        guard !words.isEmpty else { return nil }
        let joined = words.joined(separator: " ")
        if unsure.contains(joined) || containsPhrase(of: unsure, in: words) { return nil }
        if yes.contains(joined) { return true }
        if no.contains(joined) { return false }
        // A sentence that starts with yes or no: the first word decides, unless the next one takes
        // it back ("ja nee").
        if leadingYes.contains(words[0]) { return words.count > 1 && leadingNo.contains(words[1]) ? nil : true }
        if leadingNo.contains(words[0]) { return words.count > 1 && leadingYes.contains(words[1]) ? nil : false }
        // Short answers such as "ok prima" or "not really, no": all the answer words agree.
        // A bare negation inside a sentence ("ik snap het niet") is not an answer.
        guard words.count <= 4 else { return nil }
        let saysYes = words.contains(where: yes.contains) || containsPhrase(of: yes, in: words)
        let saysNo = words.contains(where: { no.contains($0) && !negations.contains($0) }) || containsPhrase(of: no, in: words)
        if saysYes == saysNo { return nil }
        return saysYes
    }

    /// Whether a phrase of two or more words from `phrases` occurs in `words`.
    static func containsPhrase(of phrases: Set<String>, in words: [String]) -> Bool {
        guard words.count >= 2 else { return false }
        for length in 2...min(4, words.count) {
            for start in 0...(words.count - length) where phrases.contains(words[start..<(start + length)].joined(separator: " ")) {
                return true
            }
        }
        return false
    }
}
