/// JSON values written as an author would write them by hand: strings with only the escapes JSON
/// needs (no `\/`, no `\u` for letters), arrays inline or one element a line.
enum JSONText {
    static func string(_ text: String) -> String {
        // The same escaping as every other JSON the engine writes.
        var writer = JSONWriter(capacity: text.utf8.count + 2)
        writer.value(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// `["a", "b"]`, or with `indent` (the elements' indentation) one element a line, the
    /// closing bracket one level less indented.
    static func array(_ elements: [String], indent: String?) -> String {
        let written = elements.map(string)
        guard let indent, !written.isEmpty else { return "[" + written.joined(separator: ", ") + "]" }
        let closing = String(indent.dropLast(min(2, indent.count)))
        return "[\n" + written.map { indent + $0 }.joined(separator: ",\n") + "\n" + closing + "]"
    }
}
