/// The `{name}` placeholders of a text, to check that a translation keeps them all.
package enum Placeholders {
    /// The names between braces in `text`, sorted, each once.
    package static func names(in text: String) -> [String] {
        var names = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, !name.contains("{") { names.insert(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return names.sorted()
    }

    /// The names as an author reads them: `{a}, {b}`, or "no placeholders".
    package static func list(_ names: [String]) -> String {
        names.isEmpty ? "no placeholders" : names.map { "{\($0)}" }.joined(separator: ", ")
    }
}
