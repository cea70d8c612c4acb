/// Words (or phrases) to numbers, looked up by their bytes in a ``NameIndex`` on every turn, and
/// answering as a `Dictionary` of the same keys would.
///
/// Swift compares strings by canonical equivalence: "ά" written as one scalar or as two is one
/// word to a `Set`, but two byte sequences to a `NameIndex`. The bytes decide alone only where
/// that cannot happen, an ASCII word in a table of ASCII words; anything else that the bytes do
/// not find is looked up in the dictionary.
struct WordTable: Sendable {
    private var index = NameIndex()
    private var byWord: [String: Int] = [:]
    private var asciiOnly = true

    /// An empty table.
    init() {}

    /// A table of `entries`, whose words are distinct (a set's or a dictionary's keys).
    init(_ entries: [(word: String, number: Int)]) {
        for (word, number) in entries {
            index[word] = number
            byWord[word] = number
            if !word.isASCII { asciiOnly = false }
        }
    }

    subscript(word: String) -> Int? {
        if let number = index[word] { return number }
        if asciiOnly && word.isASCII { return nil }
        return byWord[word]
    }
}
