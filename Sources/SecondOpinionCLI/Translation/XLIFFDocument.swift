import DialogEngine

/// XLIFF 2.0 (`urn:oasis:names:tc:xliff:document:2.0`), the exchange format translation tools
/// read: one `<file>` per bundle file, one `<unit>` per text, the unit's id the path inside the
/// file (`start.choices.front.label`), `{placeholders}` kept verbatim and named in a note.
enum XLIFFDocument {
    static let namespace = "urn:oasis:names:tc:xliff:document:2.0"

    static func render(_ catalog: TranslationCatalog) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<xliff xmlns="\#(namespace)" version="2.0" srcLang="\#(escaped(catalog.sourceLanguage))" trgLang="\#(escaped(catalog.targetLanguage))">"#,
        ]
        var currentFile: String?
        for unit in catalog.units {
            let (file, path) = split(unit.id)
            if file != currentFile {
                if currentFile != nil { lines.append("  </file>") }
                lines.append(#"  <file id="\#(token(file))" original="\#(escaped(file))">"#)
                currentFile = file
            }
            lines.append(#"    <unit id="\#(token(path))" name="\#(escaped(unit.id))">"#)
            lines.append("      <notes>")
            for note in unit.notes { lines.append("        <note>\(escaped(note))</note>") }
            lines.append("      </notes>")
            lines.append("      <segment>")
            lines.append(#"        <source xml:space="preserve">\#(escaped(unit.source))</source>"#)
            if let target = unit.target { lines.append(#"        <target xml:space="preserve">\#(escaped(target))</target>"#) }
            lines.append("      </segment>")
            lines.append("    </unit>")
        }
        if currentFile != nil { lines.append("  </file>") }
        lines.append("</xliff>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `flows/a.json#start.question` as (`flows/a.json`, `start.question`).
    static func split(_ id: String) -> (file: String, path: String) {
        guard let hash = id.firstIndex(of: "#") else { return (id, "") }
        return (String(id[..<hash]), String(id[id.index(after: hash)...]))
    }

    /// Text and attribute values with the five XML entities escaped; control characters other
    /// than tab and newline (which XML 1.0 cannot hold) never occur in bundle texts.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An XML name token (XLIFF's ids are `NMTOKEN`s): letters, digits, `.`, `-`, `_` stay, and
    /// any other character becomes `:` and its UTF-8 bytes in hex, so ids stay readable and reversible.
    static func token(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += ":" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// The text a ``token(_:)`` was made from, or nil when it is not one.
    static func untoken(_ token: String) -> String? {
        var bytes: [UInt8] = []
        var scalars = token.utf8.makeIterator()
        while let byte = scalars.next() {
            guard byte == UInt8(ascii: ":") else {
                bytes.append(byte)
                continue
            }
            guard let high = scalars.next(), let low = scalars.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
