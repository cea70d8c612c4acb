/// Removes terminal control: ANSI escape sequences (CSI, OSC and the like), C0 and C1 control
/// characters, and bidirectional overrides, so text can neither move a cursor, change colours,
/// retitle a window nor read differently from how it is stored.
package enum ControlSequences {
    /// `text` without control sequences. Tabs become spaces, carriage returns go; line breaks stay when
    /// `keepingLineBreaks` is true and become spaces otherwise.
    package static func removed(from text: String, keepingLineBreaks: Bool) -> String {
        // The usual text, printable ASCII (and kept line breaks), has nothing to remove.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) || ($0 == 0x0A && keepingLineBreaks) }) { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                // CSI (ESC [ ... final byte), string sequences (ESC ] P _ ^ ... BEL or ESC \), or a
                // two-character escape.
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
                result.append(keepingLineBreaks ? scalar : " ")
            case 0x09:
                result.append(" ")
            case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}
