/// Names of languages in Dutch and English, so that "english please" or "ik spreek liever
/// Nederlands" switches the conversation's language.
enum LanguageNames {
    static let names: [String: Set<String>] = [
        "en": ["english", "engels", "engelse", "inglés", "ingles"],
        "nl": ["dutch", "nederlands", "nederlandse", "hollands"],
    ]

    /// The bundle language a short message asks for by name, when it names exactly one and says
    /// little else ("english please", "can we speak Dutch").
    static func requested(in words: [String], among languages: [String]) -> String? {
        guard !words.isEmpty, words.count <= 6 else { return nil }
        let named = languages.filter { code in words.contains { names[code]?.contains($0) == true } }
        return named.count == 1 ? named[0] : nil
    }
}
