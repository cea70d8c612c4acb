/// A problem with a translation file, at its line and column.
package struct TranslationError: Error, Sendable, Equatable, CustomStringConvertible {
    package var line: Int
    package var column: Int
    package var message: String

    package init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    package var description: String { "\(line):\(column): error: \(message)" }
}

/// A translated text read from a translation file, with where it was.
package struct TranslatedText: Sendable, Equatable {
    package var id: String
    package var text: String
    package var line: Int
    package var column: Int

    package init(id: String, text: String, line: Int, column: Int) {
        self.id = id
        self.text = text
        self.line = line
        self.column = column
    }
}

extension TranslationCatalog {
    /// Checks `translations` against the catalog: every id known, no placeholder the source does
    /// not have (a language may leave one out, as Dutch word order sometimes does).
    /// All problems at once, in file order.
    package func check(_ translations: [TranslatedText]) -> [TranslationError] {
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [TranslationError] = []
        for translation in translations {
            guard let unit = byID[translation.id] else {
                let hint = Suggestion.hint(for: translation.id, among: byID.keys).map { " (\($0))" } ?? ""
                problems.append(TranslationError(line: translation.line, column: translation.column,
                                                 message: "unknown unit id '\(translation.id)'\(hint); was the file exported from this bundle?"))
                continue
            }
            let unknown = (unit.kind == .text ? Placeholders.names(in: translation.text) : []).filter { !unit.placeholders.contains($0) }
            if !unknown.isEmpty {
                problems.append(TranslationError(line: translation.line, column: translation.column,
                                                 message: "'\(unit.id)' has \(Placeholders.list(unknown)), which the source does not have (it has \(Placeholders.list(unit.placeholders))); keep each {name} as it is"))
            }
            if unit.kind == .text, translation.text.trimmingWhitespace().isEmpty {
                problems.append(TranslationError(line: translation.line, column: translation.column, message: "'\(unit.id)' is empty"))
            }
        }
        return problems
    }

    /// The bundle files that change when `translations` (already checked) are written into
    /// `files`: texts replaced or added right after the last language of their object, the
    /// language pack file written, and a new language added to the manifest: to `languages`
    /// once every text has it, to `translating` until then (so the bundle still loads, and
    /// people are not offered a language half of whose texts are missing). Files whose texts
    /// are all unchanged are left out, so they stay byte for byte as they were.
    package func apply(_ translations: [TranslatedText], to files: [String: String], bundle: DialogBundle) -> [String: String] {
        let byID = Dictionary(translations.map { ($0.id, $0.text) }, uniquingKeysWith: { _, last in last })
        let languages = Self.languages(of: bundle, and: targetLanguage)
        var changed: [String: String] = [:]
        for (file, json) in Self.contentFiles(files) {
            var editor = JSONEditor(files[file]!)
            for found in TextLocator.texts(in: json, languages: languages, source: sourceLanguage) {
                let id = "\(file)#\(found.path.joined(separator: "."))"
                guard let text = byID[id] else { continue }
                write(text, kind: found.kind, into: found.object, editor: &editor)
            }
            if file == ManifestLoader.file, !bundle.languages.contains(targetLanguage), !byID.isEmpty {
                declare(complete: isComplete(with: translations), in: json, editor: &editor)
            }
            if editor.hasEdits { changed[file] = editor.text }
        }
        if let pack = packFile(byID, files: files, bundle: bundle) { changed[pack.file] = pack.text }
        return changed
    }

    /// Lists the target language in the manifest: under `languages` when complete (leaving
    /// `translating`, which goes when it lists no other language), under `translating` otherwise.
    private func declare(complete: Bool, in manifest: JSONValue, editor: inout JSONEditor) {
        let code = JSONText.string(targetLanguage)
        let translating = manifest.members?.last { $0.key == "translating" }
        let listed = (translating?.value.elements ?? []).compactMap(\.string)
        if complete {
            if let list = manifest["languages"] { editor.append(code, to: list) }
            if let translating, listed.contains(targetLanguage) {
                let rest = listed.filter { $0 != targetLanguage }
                let members = manifest.members ?? []
                if rest.isEmpty, let index = members.lastIndex(where: { $0.key == "translating" }), index > 0 {
                    editor.remove(members[index], after: members[index - 1])
                } else {
                    editor.replace(translating.value, with: JSONText.array(rest, indent: nil))
                }
            }
        } else if let translating {
            if translating.value.elements?.isEmpty ?? true {
                editor.replace(translating.value, with: JSONText.array([targetLanguage], indent: nil))
            } else if !listed.contains(targetLanguage) {
                editor.append(code, to: translating.value)
            }
        } else if let languages = manifest.members?.last(where: { $0.key == "languages" }) {
            editor.insert(key: "translating", value: JSONText.array([targetLanguage], indent: nil), after: languages, in: manifest)
        }
    }

    private func write(_ text: String, kind: TranslationUnit.Kind, into object: JSONValue, editor: inout JSONEditor) {
        let members = object.members ?? []
        if let existing = members.last(where: { $0.key == targetLanguage }) {
            guard TextLocator.joined(existing.value) != (kind == .text ? text : PackTranslation.phrases(text).joined(separator: "\n")) else { return }
            editor.replace(existing.value, with: rendered(text, kind: kind, like: existing.value, editor: editor))
            return
        }
        guard let last = members.last(where: { !$0.key.hasPrefix("$") }) else { return }
        let model = members.last { $0.key == sourceLanguage }?.value ?? last.value
        editor.insert(key: targetLanguage, value: rendered(text, kind: kind, like: model, editor: editor), after: last, in: object)
    }

    /// The translation as JSON, phrases laid out as `model` (another language's list) is.
    private func rendered(_ text: String, kind: TranslationUnit.Kind, like model: JSONValue, editor: JSONEditor) -> String {
        guard kind == .phrases else { return JSONText.string(text) }
        let elements = model.elements ?? []
        let multiline = elements.first.map { $0.location.line != model.location.line } ?? false
        return JSONText.array(PackTranslation.phrases(text), indent: multiline ? editor.indentation(at: elements[0].location) : nil)
    }

    /// The language pack file with the pack's translations, when any differs from what the
    /// bundle's language already has.
    private func packFile(_ byID: [String: String], files: [String: String], bundle: DialogBundle) -> (file: String, text: String)? {
        let packUnits = units.filter { $0.id.hasPrefix(Self.packPrefix) }
        let differing = packUnits.filter { unit in
            guard let text = byID[unit.id] else { return false }
            let current = unit.target
            return unit.kind == .text ? text != current : PackTranslation.phrases(text) != (current.map(PackTranslation.phrases) ?? [])
        }
        guard !differing.isEmpty else { return nil }
        let file = "\(LanguagePackLoader.folder)\(targetLanguage).json"
        guard let existing = files[file], let json = try? JSONReader.parse(existing) else {
            // A new pack: every translated entry, so the language needs nothing from elsewhere.
            let entries = byID.filter { $0.key.hasPrefix(Self.packPrefix) }
            let all = LanguagePack.shipped(targetLanguage) == nil ? entries : entries.filter { id, _ in differing.contains { $0.id == id } }
            return (file, PackTranslation.newFile(language: targetLanguage, entries: all, units: packUnits))
        }
        var editor = JSONEditor(existing)
        var newSections: [(section: String, members: [String])] = []
        for unit in differing {
            let name = String(unit.id.dropFirst(Self.packPrefix.count))
            let text = byID[unit.id]!
            if name == "decimalSeparator" {
                if let value = json["decimalSeparator"] { editor.replace(value, with: JSONText.string(text)) }
                continue
            }
            guard let dot = name.firstIndex(of: ".") else { continue }
            let section = String(name[..<dot]), key = String(name[name.index(after: dot)...])
            let value = unit.kind == .text ? JSONText.string(text) : JSONText.array(PackTranslation.phrases(text), indent: nil)
            if let object = json[section], let members = object.members {
                if let member = members.last(where: { $0.key == key }) {
                    editor.replace(member.value, with: value)
                } else if let last = members.last {
                    editor.insert(key: key, value: value, after: last, in: object)
                }
            } else if let index = newSections.firstIndex(where: { $0.section == section }) {
                newSections[index].members.append("\(JSONText.string(key)): \(value)")
            } else {
                newSections.append((section, ["\(JSONText.string(key)): \(value)"]))
            }
        }
        // Sections the file does not have yet are added at its end, one member a line.
        if let last = json.members?.last(where: { !$0.key.hasPrefix("$") }) ?? json.members?.last {
            let indent = editor.indentation(at: last.keyLocation)
            for (section, members) in newSections {
                let body = "{\n" + members.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "}"
                editor.insert(key: section, value: body, after: last, in: json)
            }
        }
        return (file, editor.text)
    }
}
