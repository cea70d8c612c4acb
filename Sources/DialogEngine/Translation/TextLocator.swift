/// Finds the texts in a bundle file: objects whose keys are language codes, such as
/// `{"nl": "...", "en": "..."}` (a text) or `{"nl": ["..."], "en": ["..."]}` (phrases).
enum TextLocator {
    struct Found {
        var path: [String]
        var kind: TranslationUnit.Kind
        /// The object holding the text per language.
        var object: JSONValue
        var source: String?

        /// The text in `language` as one string (phrases joined with newlines).
        func text(in language: String) -> String? {
            guard let value = object.members?.last(where: { $0.key == language })?.value else { return nil }
            return TextLocator.joined(value)
        }
    }

    /// Collections whose name adds nothing to an id: `flows/a.json#start.question`, not `#nodes.start.question`.
    static let collections: Set<String> = ["nodes", "facts", "sources"]

    static func texts(in json: JSONValue, languages: [String], source: String) -> [Found] {
        var found: [Found] = []
        walk(json, path: [], languages: Set(languages), source: source, into: &found)
        return found
    }

    /// The object a unit id's path leads to in `json`, if it is still a text.
    static func object(at path: [String], in json: JSONValue, languages: [String]) -> JSONValue? {
        texts(in: json, languages: languages, source: "").first { $0.path == path }?.object
    }

    private static func walk(_ value: JSONValue, path: [String], languages: Set<String>, source: String, into found: inout [Found]) {
        switch value.kind {
        case .object(let members):
            let keyed = members.filter { !$0.key.hasPrefix("$") }
            if !keyed.isEmpty, keyed.allSatisfy({ languages.contains($0.key) }) {
                if keyed.allSatisfy({ $0.value.string != nil }) {
                    found.append(Found(path: path, kind: .text, object: value, source: keyed.last { $0.key == source }?.value.string))
                    return
                }
                if keyed.allSatisfy({ $0.value.elements?.allSatisfy { $0.string != nil } == true }) {
                    found.append(Found(path: path, kind: .phrases, object: value, source: keyed.last { $0.key == source }.flatMap { joined($0.value) }))
                    return
                }
            }
            for member in members where !member.key.hasPrefix("$") {
                let skip = path.isEmpty && collections.contains(member.key)
                walk(member.value, path: skip ? path : path + [member.key], languages: languages, source: source, into: &found)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                let name = element["id"]?.string ?? element["value"]?.string ?? String(index)
                walk(element, path: path + [name], languages: languages, source: source, into: &found)
            }
        default:
            return
        }
    }

    static func joined(_ value: JSONValue) -> String? {
        if let text = value.string { return text }
        guard let elements = value.elements else { return nil }
        return elements.compactMap(\.string).joined(separator: "\n")
    }
}
