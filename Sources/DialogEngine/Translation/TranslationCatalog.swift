/// Every text of a bundle that a translator translates from the bundle's default language into
/// another: the authors' texts in the bundle's JSON files and the words of the language pack.
///
/// Ids come from where a text is, never from a number the author keeps: the file, then the path
/// to the text, with array elements named by their `id` (or `value`) where they have one.
package struct TranslationCatalog: Sendable {
    package let sourceLanguage: String
    package let targetLanguage: String
    package var units: [TranslationUnit]

    /// The prefix of the language pack's unit ids.
    package static let packPrefix = "languages#"

    /// The catalog of `bundle`, whose files are `files`, for translating into `targetLanguage`.
    package init(bundle: DialogBundle, files: [String: String], targetLanguage: String) {
        sourceLanguage = bundle.defaultLanguage
        self.targetLanguage = targetLanguage
        units = []
        for (file, json) in Self.contentFiles(files) {
            for found in TextLocator.texts(in: json, languages: Self.languages(of: bundle, and: targetLanguage), source: sourceLanguage) {
                guard let source = found.source else { continue }
                units.append(TranslationUnit(id: "\(file)#\(found.path.joined(separator: "."))", kind: found.kind, source: source,
                                             target: found.text(in: targetLanguage), notes: Self.notes(file: file, path: found.path, source: source, kind: found.kind)))
            }
        }
        units += PackTranslation.units(source: bundle.languagePack(for: sourceLanguage),
                                       target: bundle.languages.contains(targetLanguage) ? bundle.languagePack(for: targetLanguage)
                                           : bundle.packSoFar(for: targetLanguage) ?? LanguagePack.shipped(targetLanguage),
                                       sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, languages: bundle.languages)
    }

    /// Every language a text object of `bundle` may hold keys for, with `target`.
    static func languages(of bundle: DialogBundle, and target: String) -> [String] {
        var all = bundle.languages
        for language in bundle.translating + [target] where !all.contains(language) { all.append(language) }
        return all
    }

    /// The units that have no translation, neither in `translations` nor already in the files.
    package func missing(with translations: [TranslatedText]) -> [TranslationUnit] {
        let given = Set(translations.map(\.id))
        return units.filter { $0.target == nil && !given.contains($0.id) }
    }

    /// Whether every unit has a translation, from `translations` or already in the files.
    package func isComplete(with translations: [TranslatedText]) -> Bool {
        missing(with: translations).isEmpty
    }

    /// The bundle's JSON files that hold authors' texts, parsed: the manifest, sources and facts
    /// first, then every other file but the language packs (flows and any other section).
    static func contentFiles(_ files: [String: String]) -> [(file: String, json: JSONValue)] {
        let fixed = [ManifestLoader.file, SourcesLoader.file, FactsLoader.file]
        let others = files.keys.filter { file in
            file.hasSuffix(".json") && !fixed.contains(file) && !file.hasPrefix(LanguagePackLoader.folder)
                && !BundleLoader.ignoredFolders.contains { file.hasPrefix($0) }
        }.sorted()
        return (fixed + others).compactMap { file in
            guard let text = files[file], let json = try? JSONReader.parse(text) else { return nil }
            return (file, json)
        }
    }

    /// Words that name where a field is shown, by the field's key.
    private static let shown: [String: String] = [
        "question": "a question the assistant asks",
        "label": "an answer the person can pick from a numbered list; keep it short",
        "messages": "a message the assistant says",
        "title": "a title (of a topic in the menu, a source, or the bundle)",
        "publisher": "the organisation that published a source",
        "text": "a text the assistant shows",
        "plan": "a step in the person's plan",
        "synonyms": "other words people type for this answer",
        "triggers": "words people type that lead to this topic",
        "examples": "messages people type about this topic, for the assistant to learn from",
    ]

    static func notes(file: String, path: [String], source: String, kind: TranslationUnit.Kind) -> [String] {
        var notes: [String] = []
        let field = path.last(where: { Int($0) == nil }) ?? ""
        let place = path.dropLast().joined(separator: " › ")
        notes.append("Shown: \(shown[field] ?? "the '\(field)' text")" + (place.isEmpty ? "" : " (\(file), \(place))"))
        switch kind {
        case .text:
            let names = Placeholders.names(in: source)
            if !names.isEmpty {
                notes.append("Placeholders: \(Placeholders.list(names)) are filled in by the assistant; keep each exactly as written.")
            }
        case .phrases:
            notes.append("One phrase per line, written the way people type them; add or remove lines as your language needs.")
        }
        return notes
    }
}
