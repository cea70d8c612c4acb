/// Text made safe and tidy for a terminal: no escape or control sequences from dialogs or from
/// the person (nothing can move the cursor, change colours or retitle the window), wrapped to a
/// width.
enum TerminalText {
    /// Removes escape sequences and control characters; keeps line breaks.
    static func sanitized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                // CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), or a two-byte escape.
                guard let kind = scalars.next() else { break }
                if kind == "[" {
                    while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
                } else if kind == "]" || kind == "P" || kind == "_" || kind == "^" {
                    var previous: Unicode.Scalar = " "
                    while let next = scalars.next() {
                        if next == "\u{07}" || (previous == "\u{1B}" && next == "\\") { break }
                        previous = next
                    }
                }
            case 0x0A:
                result.append(scalar)
            case 0x09:
                result.append(" ")
            case 0x00..<0x20, 0x7F...0x9F:
                continue
            default:
                // Bidirectional overrides can make text read differently from how it is stored.
                if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Wraps each line to `width` columns, breaking at spaces; words longer than a line are cut.
    /// A line that fits is kept as written (aligned columns stay aligned); a long line keeps its
    /// leading spaces on every wrapped part.
    static func wrapped(_ text: String, width: Int, indent: String = "") -> [String] {
        let usable = max(10, width - indent.count)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if paragraph.count <= usable {
                lines.append(paragraph.isEmpty ? "" : indent + paragraph)
                continue
            }
            let leading = String(paragraph.prefix { $0 == " " })
            let room = max(10, usable - leading.count)
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                while word.count > room {
                    if !line.isEmpty {
                        lines.append(indent + leading + line)
                        line = ""
                    }
                    lines.append(indent + leading + String(word.prefix(room)))
                    word = word.dropFirst(room)
                }
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= room {
                    line += " " + word
                } else {
                    lines.append(indent + leading + line)
                    line = String(word)
                }
            }
            if !line.isEmpty { lines.append(indent + leading + line) }
        }
        return lines
    }
}
