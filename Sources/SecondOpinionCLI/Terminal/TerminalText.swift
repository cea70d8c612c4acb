import DialogEngine

/// Text made safe and tidy for a terminal: no escape or control sequences from dialogs or from
/// the person (nothing can move the cursor, change colours or retitle the window), wrapped to a
/// width.
enum TerminalText {
    /// Removes escape sequences and control characters; keeps line breaks.
    static func sanitized(_ text: String) -> String {
        ControlSequences.removed(from: text, keepingLineBreaks: true)
    }

    /// Removes escape sequences and control characters, line breaks too: for outside text such as
    /// a file name inside a sentence.
    static func inline(_ text: String) -> String {
        ControlSequences.removed(from: text, keepingLineBreaks: false)
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
