/// One text a translator translates: an author's text, a list of phrases people type, or a
/// message or word list of a language pack, with an id that stays the same as long as the text
/// stays where it is.
package struct TranslationUnit: Sendable, Equatable {
    /// What kind of text the unit holds, which decides how it is written back.
    package enum Kind: Sendable, Equatable {
        /// One text, which may hold `{placeholders}`.
        case text
        /// Phrases, one per line; the translation may have more or fewer lines.
        case phrases
    }

    /// Derived from file, node and field: `flows/repair.json#start.choices.front.label`,
    /// `facts.json#fee.note`, `languages#messages.help`.
    package var id: String
    package var kind: Kind
    /// The text in the source language (phrases joined with newlines).
    package var source: String
    /// The text in the target language, when the bundle already has it.
    package var target: String?
    /// For the translator: where the text is shown, its placeholders, how long it may be.
    package var notes: [String]

    /// The placeholders a translation must keep, each once at least.
    package var placeholders: [String] { kind == .text ? Placeholders.names(in: source) : [] }
}
