/// Words for yes and no in Dutch and English, used by yes/no inputs and by choices whose id is
/// `yes` or `no`.
enum YesNoWords {
    static let yes: Set<String> = [
        "ja", "jawel", "jazeker", "zeker", "klopt", "prima", "goed", "akkoord", "graag", "oke", "ok", "okay", "okee", "jep", "ja hoor",
        "yes", "yeah", "yep", "yup", "y", "j", "sure", "correct", "right", "true", "indeed", "of course", "natuurlijk", "inderdaad",
    ]
    static let no: Set<String> = [
        "nee", "neen", "nope", "nah", "niet", "nooit", "geen", "liever niet", "nee hoor",
        "no", "n", "not", "never", "false", "no thanks", "nee dank je", "nee bedankt",
    ]

    /// `true` for yes, `false` for no, nil when the words say neither or both.
    static func interpret(_ words: [String]) -> Bool? {
        guard !words.isEmpty else { return nil }
        let joined = words.joined(separator: " ")
        if yes.contains(joined) { return true }
        if no.contains(joined) { return false }
        // Short answers such as "ja hoor, graag" or "no, not really": the first word decides when
        // the rest does not contradict it.
        guard words.count <= 4 else { return nil }
        let saysYes = words.contains(where: yes.contains)
        let saysNo = words.contains(where: no.contains)
        if saysYes == saysNo { return nil }
        return saysYes
    }
}
