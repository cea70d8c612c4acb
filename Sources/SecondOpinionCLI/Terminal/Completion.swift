/// What Tab does with the text typed so far: complete it to the one answer or command it starts,
/// extend it to what all candidates share, or list them. Case-insensitive, whole characters, so
/// "éé" completes "Één keer".
enum Completion: Equatable {
    case none
    /// Replace the typed text with this.
    case replace(String)
    /// Show these candidates below the line.
    case list([String])

    static func complete(_ typed: String, among candidates: [String]) -> Completion {
        let folded = typed.lowercased()
        let matches = candidates.filter { $0.lowercased().hasPrefix(folded) && $0.count > typed.count }
        guard !matches.isEmpty else { return .none }
        if matches.count == 1 { return .replace(matches[0].hasSuffix(" ") ? matches[0] : matches[0] + " ") }
        let shared = commonPrefix(matches)
        return shared.count > typed.count ? .replace(shared) : .list(matches)
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map({ Array($0) }) else { return "" }
        for word in words.dropFirst() {
            let characters = Array(word)
            var length = 0
            while length < min(prefix.count, characters.count),
                  String(prefix[length]).lowercased() == String(characters[length]).lowercased() {
                length += 1
            }
            prefix = Array(prefix.prefix(length))
        }
        return String(prefix)
    }
}
