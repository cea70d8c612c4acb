/// Collects diagnostics while the files of one bundle are read, and offers the small checked
/// readers every file kind needs. Lives only for one load; never shared.
final class LoadContext {
    private(set) var diagnostics: [Diagnostic] = []
    var languages: [String] = []
    /// Languages being translated (the manifest's `translating`): their texts may be there or
    /// not, and are not read into the bundle until the language moves to `languages`.
    var translating: [String] = []
    /// Sentence and text lengths above which a text gets a readability warning.
    var readability = ReadabilityLimits()
    /// Kinds of declaration ("fact", "source", "flow") whose file could not be read whole, and
    /// single declarations that failed ("fact:fee"). References to them are not reported, as they
    /// would only repeat the first error.
    var unavailable: Set<String> = []

    func mayBeMissing(_ kind: String, _ id: String) -> Bool {
        unavailable.contains(kind) || unavailable.contains("\(kind):\(id)")
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The text of each file being loaded, by its path: a diagnostic's JSON path and its place
    /// inside a string are read from it, so a context without it reports no paths.
    var sources: [String: String] = [:]

    /// The files that origins point into, in the order first met: an ``Origin`` keeps its
    /// file's place in this list, and the loaded bundle keeps the list.
    private(set) var fileNames: [String] = []
    private var fileNumbers: [String: Int32] = [:]
    /// The file of the last origin made: a loader makes origins in one file after another, so
    /// this is nearly always the one asked for (compared by identity first, then bytes).
    private var lastFile: (name: String, number: Int32)?

    /// The number of `file` in ``fileNames``; a file met for the first time is added.
    func number(ofFile file: String) -> Int32 {
        if let lastFile, lastFile.name == file { return lastFile.number }
        let number: Int32
        if let known = fileNumbers[file] {
            number = known
        } else {
            number = Int32(fileNames.count)
            fileNames.append(file)
            fileNumbers[file] = number
        }
        lastFile = (file, number)
        return number
    }

    /// Where `value` was written in `file`.
    func origin(_ file: String, _ value: JSONValue) -> Origin {
        Origin(fileNumber: number(ofFile: file), location: value.location)
    }

    /// The place `location` in `file`.
    func origin(_ file: String, _ location: SourceLocation) -> Origin {
        Origin(fileNumber: number(ofFile: file), location: location)
    }

    /// The file `origin` points into.
    func fileName(of origin: Origin) -> String { fileNames[Int(origin.fileNumber)] }

    /// Where the `offset`th Unicode scalar of the string value at `origin` was written. The
    /// origin is the string's opening quote; escapes (`\"`, `\n`, `\u00e9`) take more columns in
    /// the file than the one scalar they stand for, so the file is read only when a diagnostic
    /// needs the place.
    func inString(_ origin: Origin, at offset: Int) -> Origin {
        var moved = origin
        moved.location.column = StringColumn.column(of: offset, inStringAt: origin.location, in: sources[fileName(of: origin)])
        return moved
    }

    func report(_ problem: Diagnostic.Problem, at origin: Origin) {
        diagnostics.append(Diagnostic(problem, file: fileName(of: origin), location: origin.location, path: path(at: origin)?.description))
    }

    /// Each file's paths, read from its text the first time a diagnostic in it is reported.
    private var pathTables: [String: JSONPathTable] = [:]

    /// The JSON path of what `origin` points at, if the file's text is known.
    private func path(at origin: Origin) -> JSONPath? {
        let file = fileName(of: origin)
        if pathTables[file] == nil {
            guard let text = sources[file], let root = try? JSONReader.parse(text) else { return nil }
            pathTables[file] = JSONPathTable(root)
        }
        return pathTables[file]?.path(at: origin.location)
    }

    func report(_ problem: Diagnostic.Problem, file: String, value: JSONValue) {
        report(problem, at: self.origin(file, value))
    }

    /// A problem with a whole file, or with a place that has no JSON path (a syntax error).
    func reportFile(_ problem: Diagnostic.Problem, file: String, location: SourceLocation? = nil) {
        diagnostics.append(Diagnostic(problem, file: file, location: location))
    }

    /// Checks that `value` is an object with the required members and no unknown ones.
    /// `$schema` and `$comment` are allowed everywhere. Returns false when it is not an object.
    @discardableResult
    func checkObject(_ value: JSONValue, file: String, what: @autoclosure () -> String, allowed: [String], required: [String] = []) -> Bool {
        guard let members = value.members else {
            report(.wrongType(what(), expected: "an object", found: value.typeName), file: file, value: value)
            return false
        }
        // Most objects have a handful of members: comparing with the earlier keys is cheaper
        // than hashing each key into a set, which only pays off for large objects.
        var seen = members.count > 16 ? Set<String>(minimumCapacity: members.count) : nil
        for (position, member) in members.enumerated() {
            var origin: Origin { self.origin(file, member.keyLocation) }
            let repeated = if seen != nil { !seen!.insert(member.key).inserted } else { members[..<position].contains { $0.key == member.key } }
            if repeated {
                report(.duplicateKey(member.key, in: what()), at: origin)
                continue
            }
            if member.key == "$schema" || member.key == "$comment" { continue }
            if !allowed.contains(member.key) {
                report(.unknownField(member.key, in: what(), allowed: allowed, suggestion: Suggestion.closest(to: member.key, among: allowed)), at: origin)
            }
        }
        for key in required where !members.contains(where: { $0.key == key }) {
            report(.missingField(what(), field: key), file: file, value: value)
        }
        return true
    }

    func string(_ value: JSONValue?, file: String, what: @autoclosure () -> String) -> String? {
        guard let value else { return nil }
        guard let text = value.string else {
            report(.wrongType(what(), expected: "a string", found: value.typeName), file: file, value: value)
            return nil
        }
        return text
    }

    func nonEmptyString(_ value: JSONValue?, file: String, what: @autoclosure () -> String) -> String? {
        guard let text = string(value, file: file, what: what()), let value else { return nil }
        if text.trimmingWhitespace().isEmpty {
            report(.empty(what()), file: file, value: value)
            return nil
        }
        return text
    }

    /// An id: lower-case letters, digits, `_` and `-`, starting with a letter.
    func identifier(_ value: JSONValue?, file: String, what: @autoclosure () -> String) -> String? {
        guard let text = string(value, file: file, what: what()), let value else { return nil }
        if !Self.isIdentifier(text) {
            report(.invalidID(what(), id: text), file: file, value: value)
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    func bool(_ value: JSONValue?, file: String, what: @autoclosure () -> String) -> Bool? {
        guard let value else { return nil }
        guard let flag = value.bool else {
            report(.wrongType(what(), expected: "true or false", found: value.typeName), file: file, value: value)
            return nil
        }
        return flag
    }

    func number(_ value: JSONValue?, file: String, what: @autoclosure () -> String) -> Double? {
        guard let value else { return nil }
        guard let number = value.number else {
            report(.wrongType(what(), expected: "a number", found: value.typeName), file: file, value: value)
            return nil
        }
        return number
    }

    func array(_ value: JSONValue?, file: String, what: @autoclosure () -> String, nonEmpty: Bool = false) -> [JSONValue]? {
        guard let value else { return nil }
        guard let elements = value.elements else {
            report(.wrongType(what(), expected: "an array", found: value.typeName), file: file, value: value)
            return nil
        }
        if nonEmpty && elements.isEmpty {
            report(.empty(what()), file: file, value: value)
        }
        return elements
    }

    func stringList(_ value: JSONValue?, file: String, what: @autoclosure () -> String) -> [String]? {
        guard let elements = array(value, file: file, what: what()) else { return nil }
        return elements.compactMap { string($0, file: file, what: "each entry of \(what())") }
    }

    /// A text with one entry per declared language: `{"nl": "...", "en": "..."}`.
    func text(_ value: JSONValue?, file: String, what: @autoclosure () -> String) -> LocalizedText? {
        guard let value else { return nil }
        guard let members = value.members else {
            report(.wrongTextShape(what(), found: value.typeName, languages: value.string != nil ? languages : nil), file: file, value: value)
            return nil
        }
        var translations: [LocalizedText.Translation] = []
        translations.reserveCapacity(languages.count)
        // Keys seen, languages or not; a text has a handful, so a list beats a set.
        var seen: [String] = []
        for member in members {
            if member.key == "$comment" { continue }
            if seen.contains(member.key) {
                report(.duplicateKey(member.key, in: what()), at: self.origin(file, member.keyLocation))
                continue
            }
            seen.append(member.key)
            if translating.contains(member.key) { continue }
            guard languages.contains(member.key) else {
                report(.undeclaredLanguage(in: what(), entries: .text, language: member.key, declared: languages,
                                           suggestion: Suggestion.closest(to: member.key, among: languages)),
                       at: self.origin(file, member.keyLocation))
                continue
            }
            guard let text = member.value.string else {
                report(.wrongType("the '\(member.key)' text of \(what())", expected: "a string", found: member.value.typeName), file: file, value: member.value)
                continue
            }
            if text.trimmingWhitespace().isEmpty {
                report(.emptyText(language: member.key, of: what()), file: file, value: member.value)
            }
            translations.append(LocalizedText.Translation(language: member.key, raw: text, origin: self.origin(file, member.value)))
        }
        for language in languages where !seen.contains(language) {
            report(.missingText(of: what(), language: language), file: file, value: value)
        }
        return LocalizedText(translations: translations, origin: self.origin(file, value))
    }

    /// Phrases per language: `{"nl": ["..."], "en": ["..."]}`.
    /// Where each phrase of a phrase object is, by language, for diagnostics about single phrases.
    func phraseOrigins(_ value: JSONValue?, file: String) -> [String: [Origin]] {
        var result: [String: [Origin]] = [:]
        for member in value?.members ?? [] where languages.contains(member.key) {
            result[member.key] = (member.value.elements ?? []).map { self.origin(file, $0) }
        }
        return result
    }

    /// The members of an object read member by member (not through ``checkObject``), with each
    /// repeated key reported at the repeat and left out: JSON readers differ in which one they
    /// keep, so an author's second value must not win or lose silently.
    func firstOfEachKey(_ members: [JSONValue.Member], file: String, what: @autoclosure () -> String) -> [JSONValue.Member] {
        var seen = Set<String>()
        return members.filter { member in
            if seen.insert(member.key).inserted { return true }
            report(.duplicateKey(member.key, in: what()), at: self.origin(file, member.keyLocation))
            return false
        }
    }

    func phrases(_ value: JSONValue?, file: String, what: @autoclosure () -> String) -> [String: [String]]? {
        guard let value else { return nil }
        guard let all = value.members else {
            report(.wrongType(what(), expected: "an object with a list of phrases per language", found: value.typeName), file: file, value: value)
            return nil
        }
        let members = firstOfEachKey(all, file: file, what: what())
        var result: [String: [String]] = [:]
        for member in members where member.key != "$comment" && !translating.contains(member.key) {
            guard languages.contains(member.key) else {
                report(.undeclaredLanguage(in: what(), entries: .phrases, language: member.key, declared: languages,
                                           suggestion: Suggestion.closest(to: member.key, among: languages)),
                       at: self.origin(file, member.keyLocation))
                continue
            }
            result[member.key] = stringList(member.value, file: file, what: "the '\(member.key)' phrases of \(what())") ?? []
        }
        return result
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        // Printable ASCII at both ends is no white space, nor part of a longer character.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self[...] }
        var text = self[...]
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
