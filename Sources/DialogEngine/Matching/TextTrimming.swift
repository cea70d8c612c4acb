/// Trimming and replacing on Unicode scalars, as Foundation does it, without Foundation: on
/// Linux the engine imports only FoundationEssentials, so an app that embeds it does not load
/// Foundation and ICU (about 6 MB of resident memory) for these few calls.
extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Foundation's `.whitespaces`:
    /// Unicode's space separators, the tab and the zero-width space), or also line breaks when
    /// `newlines` is true.
    func trimmingSpaces(newlines: Bool = false) -> String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            // The zero-width space is a format character, but CoreFoundation counts it as a space.
            case "\t", "\u{200B}": return true
            case "\n", "\u{0B}", "\u{0C}", "\r", "\u{85}": return newlines
            default:
                let category = scalar.properties.generalCategory
                return category == .spaceSeparator || (newlines && (category == .lineSeparator || category == .paragraphSeparator))
            }
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text without the white space (Unicode's `White_Space`) at its end.
    func trimmingTrailingWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[...last]))
    }

    /// The text with every `scalar` replaced by `replacement`; a line break is found inside
    /// "\r\n" too, which a search by `Character` would not do (Foundation finds it as well). Unlike
    /// Foundation, a scalar followed by a combining mark is replaced too; the engine replaces only
    /// ".", tab and line feed, where no mark follows.
    func replacing(scalar: Unicode.Scalar, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in unicodeScalars {
            if character == scalar { result += replacement } else { result.unicodeScalars.append(character) }
        }
        return result
    }
}
