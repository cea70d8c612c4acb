/// Small words in Dutch and English that carry no meaning for matching.
enum StopWords {
    /// Articles and possessives a person often leaves out of a phrase ("reparatie" for "een reparatie").
    static let skippable: Set<String> = ["de", "het", "een", "the", "a", "an", "mijn", "my", "je", "jouw", "your", "uw", "this", "dit", "deze"]

    static let all: Set<String> = [
        // English
        "a", "an", "the", "i", "me", "my", "is", "am", "are", "be", "to", "of", "for", "and", "or", "in", "on",
        "it", "this", "that", "do", "does", "can", "could", "would", "should", "what", "how", "please",
        "with", "about", "was", "were", "from", "will", "you", "your", "at", "so", "just", "want", "like", "get", "have", "has",
        // Dutch
        "de", "het", "een", "ik", "mij", "me", "mijn", "je", "jij", "jouw", "u", "uw", "is", "ben", "zijn",
        "van", "voor", "en", "of", "in", "op", "dat", "dit", "die", "er", "wat", "hoe", "kan", "kun", "kunt",
        "wil", "graag", "met", "over", "aan", "te", "om", "als", "dan", "nog", "ook", "eigenlijk", "even",
        "moet", "mag", "heb", "hebt", "heeft", "wordt", "word", "worden", "bij", "naar",
    ]
}
