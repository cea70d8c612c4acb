/// A text a person sees, one entry per language, with `{placeholders}` parsed at load time.
struct LocalizedText: Sendable {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case variable(String)
    }

    /// The raw text per language, as written.
    var raw: [String: String]
    /// The parsed text per language; facts are already replaced by their values.
    var segments: [String: [Segment]] = [:]
    var origin: Origin
    /// Where each language's text starts, for placeholder diagnostics.
    var origins: [String: Origin] = [:]
    /// Facts the text interpolates; their sources are cited wherever the text is shown.
    var facts: Set<String> = []

    /// Every variable the text interpolates.
    var variablesRead: Set<String> {
        var names = Set<String>()
        for parts in segments.values {
            for case .variable(let name) in parts { names.insert(name) }
        }
        return names
    }

    /// The text in `language` (or `fallback` when missing), with variables filled in and numbers
    /// written as `pack` writes them (the engine's pack for `language` when nil).
    func render(language: String, fallback: String, variables: [String: DialogValue], pack: LanguagePack? = nil) -> String {
        guard let parts = segments[language] ?? segments[fallback] ?? segments.values.first else {
            return raw[language] ?? raw[fallback] ?? ""
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
