/// What the person typed, cleaned once and split into comparable words once, so the many checks
/// of a turn (interrupts, commands, answers, topics) share the work.
struct TypedText {
    /// The cleaned text (see ``InputSanitizer``).
    let text: String
    /// The normalized words (see ``TextNormalizer``).
    let words: [String]
    /// The normalized words joined by single spaces: how commands and answer phrases are looked up.
    let joined: String
    /// A long message's words with each distinct one once (see ``KeywordSpotter/unlistedLimit``),
    /// listed once for the keywords and the classifier; nil for a short one.
    let listed: WordList?

    /// The words before the first comma, semicolon or "and": where an answer followed by
    /// more ("basic, and I have a referral") keeps the answer.
    let head: [String]
    /// Whether the message is a question of its own: a question mark after some words, or a
    /// question word of the conversation's languages first.
    let isQuestion: Bool

    /// `text` read with the words a conversation understands (its "and", its question words).
    init(_ text: String, words known: LanguageWords) {
        self.text = text
        (words, joined) = TextNormalizer.wordsAndJoined(text)
        listed = words.count > KeywordSpotter.unlistedLimit ? WordList(words) : nil
        // One pass over the bytes: a comma, semicolon or question mark is one byte in UTF-8 and
        // never inside another scalar's bytes.
        var utf8 = text
        let (punctuation, hasQuestionMark) = utf8.withUTF8 { bytes in
            var (punctuation, hasQuestionMark): (Int?, Bool) = (nil, false)
            for (offset, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "?") { hasQuestionMark = true }
                if punctuation == nil, byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { punctuation = offset }
            }
            return (punctuation, hasQuestionMark)
        }
        let headWords: [String]
        if let punctuation {
            headWords = TextNormalizer.words(String(decoding: text.utf8.prefix(punctuation), as: UTF8.self))
        } else {
            headWords = words
        }
        // Usually no "and": then the head shares the words' storage instead of copying them.
        if let and = headWords.firstIndex(where: known.isAnd) {
            head = Array(headWords[..<and])
        } else {
            head = headWords
        }
        // The byte check first: a question mark with a combining mark is no question mark.
        let asks = hasQuestionMark && text.contains("?")
        isQuestion = (words.count >= 3 && asks) || (words.count >= 4 && known.isQuestionWord(words[0]))
    }
}
