extension LanguageWords {
    /// The bundle language a short message asks for by name, when it names exactly one and says
    /// little else ("english please", "ik spreek liever Nederlands").
    func requestedLanguage(in words: [String], among languages: [String]) -> String? {
        guard !words.isEmpty, words.count <= 6 else { return nil }
        let named = languages.filter { code in words.contains { languageNames[code]?.contains($0) == true } }
        return named.count == 1 ? named[0] : nil
    }
}
