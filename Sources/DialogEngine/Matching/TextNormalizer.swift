import Foundation

/// Folds what people type into comparable words: lower case, accents removed, punctuation dropped.
/// "Wie betaalt dát eigenlijk?!" becomes `["wie", "betaalt", "dat", "eigenlijk"]`.
enum TextNormalizer {
    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue  // "won't" and "won’t" both become "wont"
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static func normalized(_ text: String) -> String {
        words(text).joined(separator: " ")
    }
}
