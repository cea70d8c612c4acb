/// A text a person sees, one entry per language, with `{placeholders}` parsed at load time.
struct LocalizedText: Sendable {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case variable(String)
    }

    /// One language's version of a text.
    struct Translation: Sendable {
        var language: String
        /// The text as written.
        var raw: String
        /// The text parsed at link time, facts already replaced by their values; nil before
        /// linking, and when a placeholder in it is broken.
        var segments: [Segment]?
        /// Where the text starts, for placeholder diagnostics.
        var origin: Origin
    }

    /// Every language's version, in the order written. A text has one per language, two or three:
    /// a list is searched faster than a dictionary is hashed, and takes one allocation, not three.
    var translations: [Translation]
    var origin: Origin
    /// Facts the text interpolates; their sources are cited wherever the text is shown.
    var facts: Set<String> = []

    init(translations: [Translation], origin: Origin) {
        self.translations = translations
        self.origin = origin
    }

    /// The text as written in `language`, if it has one.
    func raw(_ language: String) -> String? {
        translations.first { $0.language == language }?.raw
    }

    /// The texts as written, in every language.
    var raws: [String] { translations.map(\.raw) }

    /// The text as written, per language.
    var rawByLanguage: [String: String] {
        Dictionary(translations.map { ($0.language, $0.raw) }, uniquingKeysWith: { first, _ in first })
    }

    /// The linked text in `language`, if it has one that linked.
    func segments(_ language: String) -> [Segment]? {
        translations.first { $0.language == language }?.segments
    }

    /// Every variable the text interpolates.
    var variablesRead: Set<String> {
        var names = Set<String>()
        for translation in translations {
            for case .variable(let name) in translation.segments ?? [] { names.insert(name) }
        }
        return names
    }

    /// The text in `language` (or `fallback` when missing), with variables filled in and numbers
    /// written as `pack` writes them (the engine's pack for `language` when nil).
    func render(language: String, fallback: String, variables: [String: DialogValue], pack: LanguagePack? = nil) -> String {
        guard let parts = segments(language) ?? segments(fallback) ?? translations.lazy.compactMap(\.segments).first else {
            return raw(language) ?? raw(fallback) ?? ""
        }
        // Most texts are one literal: returned as they are, without building a new string.
        if parts.count == 1, case .literal(let text) = parts[0] { return text }
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text): result += text
            case .variable(let name):
                guard let value = variables[name] else { continue }
                result += pack.map { value.formatted(decimalSeparator: $0.decimalSeparator) } ?? value.formatted(language: language)
            }
        }
        return result
    }
}
