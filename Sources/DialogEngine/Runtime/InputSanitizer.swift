/// Makes whatever a person typed safe to match and to store: control characters and escape
/// sequences removed, white space folded, length capped.
enum InputSanitizer {
    /// Longer answers are cut; nobody types an answer this long, and matching stays fast.
    static let maximumLength = 2_000

    static func clean(_ text: String) -> String {
        // Cut before the scan so a huge paste costs no more than a long answer.
        let head = String(text.unicodeScalars.prefix(maximumLength * 2))
        let visible = ControlSequences.removed(from: head, keepingLineBreaks: false)
        var result = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in visible.unicodeScalars {
            // Zero-width format characters (but the joiner inside emoji) carry nothing to match.
            if scalar.properties.generalCategory == .format && scalar != "\u{200D}" { continue }
            if scalar.properties.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(scalar)
                lastWasSpace = false
            }
            if result.count >= maximumLength { break }
        }
        var cleaned = String(result)
        if cleaned.hasSuffix(" ") { cleaned.removeLast() }
        return cleaned
    }
}
