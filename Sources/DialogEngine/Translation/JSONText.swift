/// JSON values written as an author would write them by hand: strings with only the escapes JSON
/// needs (no `\/`, no `\u` for letters), arrays inline or one element a line.
enum JSONText {
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
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
