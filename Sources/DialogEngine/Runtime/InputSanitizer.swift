/// Makes whatever a person typed safe to match and to store: control characters and escape
/// sequences removed, white space folded, length capped.
enum InputSanitizer {
    /// Longer answers are cut; nobody types an answer this long, and matching stays fast.
    static let maximumLength = 2_000

    static func clean(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var count = 0
        var lastWasSpace = true
        while let scalar = scalars.next(), count < maximumLength {
            if scalar == "\u{1B}" {
                // Skip an ANSI escape sequence: ESC [ ... final byte, or ESC ] ... BEL/ST.
                guard let kind = scalars.next() else { break }
                if kind == "[" {
                    while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
                } else if kind == "]" {
                    var previous: Unicode.Scalar = " "
                    while let next = scalars.next() {
                        if next == "\u{07}" || (previous == "\u{1B}" && next == "\\") { break }
                        previous = next
                    }
                }
                continue
            }
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.properties.generalCategory == .format && scalar != "\u{200D}"
            let isSpace = isControl || scalar.properties.isWhitespace
            if isSpace {
                if !lastWasSpace {
                    result.append(" ")
                    count += 1
                }
                lastWasSpace = true
                continue
            }
            result.append(scalar)
            count += 1
            lastWasSpace = false
        }
        var cleaned = String(result)
        if cleaned.hasSuffix(" ") { cleaned.removeLast() }
        return cleaned
    }
}
