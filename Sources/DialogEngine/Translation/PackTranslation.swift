/// The language pack's part of a translation: its messages, word lists and command words as
/// units (`languages#messages.help`, `languages#words.yes`), and back into a pack file.
enum PackTranslation {
    static func units(source: LanguagePack, target: LanguagePack?, sourceLanguage: String, targetLanguage: String, languages: [String]) -> [TranslationUnit] {
        let prefix = TranslationCatalog.packPrefix
        var units: [TranslationUnit] = []
        for key in source.messages.keys.sorted() {
            let text = source.messages[key]!
            var notes = ["Shown: \(shownAt(key))."]
            let names = Placeholders.names(in: text)
            if !names.isEmpty { notes.append("Placeholders: \(Placeholders.list(names)) are filled in by the assistant; keep each exactly as written.") }
            if key.hasPrefix("terminal.") || key == "help" { notes.append("Keep the line breaks and the column layout.") }
            units.append(TranslationUnit(id: "\(prefix)messages.\(key)", kind: .text, source: text, target: target?.messages[key], notes: notes))
        }
        units.append(TranslationUnit(id: "\(prefix)decimalSeparator", kind: .text, source: source.decimalSeparator, target: target?.decimalSeparator,
                                     notes: ["The one character written between the whole part and the fraction of a number, such as , or ."]))
        func phrases(_ id: String, _ words: [String]?, _ targetWords: [String]?, _ note: String) {
            guard let words, !words.isEmpty else { return }
            units.append(TranslationUnit(id: prefix + id, kind: .phrases, source: words.joined(separator: "\n"),
                                         target: targetWords.flatMap { $0.isEmpty ? nil : $0.joined(separator: "\n") },
                                         notes: [note, "One word or phrase per line, in lower case as people type it; add or remove lines as your language needs."]))
        }
        for list in LanguagePackLoader.wordLists {
            phrases("words.\(list)", source.words[list], target?.words[list], "Words: \(wordNotes[list] ?? list).")
        }
        for name in LanguagePackLoader.commandNames {
            phrases("commands.\(name)", source.commands[name], target?.commands[name], "Words that give the command '\(name)' (typed alone, with or without a /).")
        }
        // The target language names itself where the source language named itself.
        for code in languages + (languages.contains(targetLanguage) ? [] : [targetLanguage]) {
            let from = code == targetLanguage ? sourceLanguage : code
            let which = code == targetLanguage ? "your own language ('\(code)')" : "the language '\(code)'"
            phrases("languageCommands.\(code)", source.languageCommands[from], target?.languageCommands[code],
                    "Whole messages that switch the conversation to \(which), such as its name.")
            phrases("languageNames.\(code)", source.languageNames[from], target?.languageNames[code],
                    "Names of \(which) in your language, to notice a message such as \"can we speak English\".")
        }
        return units
    }

    private static let wordNotes: [String: String] = [
        "yes": "answers that mean yes", "no": "answers that mean no",
        "leadingYes": "a first word that answers yes whatever follows", "leadingNo": "a first word that answers no whatever follows",
        "negations": "words that deny something in a sentence (not, no), an answer only when typed alone",
        "unsure": "answers that mean 'I don't know'", "confusion": "messages that mean 'I don't understand the question'",
        "stop": "small words that carry no meaning (articles, pronouns, common verbs)",
        "skippable": "articles and possessives people leave out", "questionWords": "words that start a question",
        "and": "the word 'and'",
    ]

    private static func shownAt(_ key: String) -> String {
        if key.hasPrefix("terminal.") { return "a message of the terminal chat" }
        if key.hasPrefix("document.") { return "a line of the saved plan or conversation" }
        if key.hasPrefix("restore.") { return "a note when a saved conversation is opened after the dialogs changed" }
        if key.hasPrefix("restoreError.") { return "why a saved conversation cannot be opened" }
        if key.hasPrefix("summary.") { return "a line of the handoff summary that a person taking over the conversation reads" }
        if key.hasPrefix("file.") { return "why a file cannot be read or written, after 'it'" }
        return "a message of the assistant itself"
    }

    /// The pack file's text for `language` with `entries` (unit id → translation), or the
    /// edits to an existing file: a new file gets every entry, in a fixed layout.
    static func newFile(language: String, entries: [String: String], units: [TranslationUnit]) -> String {
        let prefix = TranslationCatalog.packPrefix
        var sections: [String: [(key: String, value: String)]] = [:]
        var decimal = "."
        for unit in units {
            guard let text = entries[unit.id] else { continue }
            let name = String(unit.id.dropFirst(prefix.count))
            if name == "decimalSeparator" { decimal = text; continue }
            guard let dot = name.firstIndex(of: ".") else { continue }
            let section = String(name[..<dot]), key = String(name[name.index(after: dot)...])
            let value = unit.kind == .text ? JSONText.string(text) : JSONText.array(phrases(text), indent: nil)
            sections[section, default: []].append((key, value))
        }
        var lines = ["{", "  \"$schema\": \"../schemas/language.schema.json\",", "  \"language\": \(JSONText.string(language)),",
                     "  \"decimalSeparator\": \(JSONText.string(decimal))"]
        for section in ["messages", "words", "commands", "languageCommands", "languageNames"] {
            guard let members = sections[section], !members.isEmpty else { continue }
            lines[lines.count - 1] += ","
            lines.append("  \(JSONText.string(section)): {")
            lines += members.enumerated().map { "    \(JSONText.string($0.element.key)): \($0.element.value)" + ($0.offset == members.count - 1 ? "" : ",") }
            lines.append("  }")
        }
        return (lines + ["}", ""]).joined(separator: "\n")
    }

    /// The lines of a phrases translation, trimmed, empty lines left out.
    static func phrases(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { String(String($0).trimmingWhitespace()) }.filter { !$0.isEmpty }
    }
}
