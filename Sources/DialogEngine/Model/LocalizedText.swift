import HashTreeCollections

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
        /// What linking made of the text.
        var form: Form = .unlinked
        /// Where the text starts, for placeholder diagnostics.
        var origin: Origin

        /// The text parsed at link time, facts already replaced by their values; nil before
        /// linking, and when a placeholder in it is broken.
        var segments: [Segment]? {
            switch form {
            case .unlinked: nil
            case .plain: raw.isEmpty ? [] : [.literal(raw)]
            case .segments(let segments): segments
            }
        }

        /// Whether linking succeeded: the text is plain or its placeholders were parsed.
        var isLinked: Bool {
            if case .unlinked = form { return false }
            return true
        }
    }

    /// A translation as linking leaves it.
    enum Form: Sendable {
        /// Not linked yet, or a placeholder in it is broken.
        case unlinked
        /// Without placeholders: shown as written, with no segment list of its own (most texts
        /// are plain, and a list per text was a twentieth of a loaded bundle's memory).
        case plain
        /// With placeholders: facts replaced by their values, variables filled in per turn.
        case segments([Segment])
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
            guard case .segments(let segments) = translation.form else { continue }
            for case .variable(let name) in segments { names.insert(name) }
        }
        return names
    }

    /// Where the linked translation in `language` is, if there is one. An index, not the
    /// translation: copying one out retains its strings, and `render` runs on every turn.
    private func linkedIndex(_ language: String) -> Int? {
        translations.firstIndex { $0.language == language && $0.isLinked }
    }

    /// The text in `language` (or `fallback` when missing), with variables filled in and numbers
    /// written as `pack` writes them (the engine's pack for `language` when nil).
    func render(language: String, fallback: String, variables: Variables, pack: LanguagePack? = nil) -> String {
        guard let index = linkedIndex(language) ?? linkedIndex(fallback) ?? translations.firstIndex(where: \.isLinked) else {
            return raw(language) ?? raw(fallback) ?? ""
        }
        guard case .segments(let parts) = translations[index].form else { return translations[index].raw }
        // A fact's value in a text makes one literal: returned as it is, without a new string.
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
