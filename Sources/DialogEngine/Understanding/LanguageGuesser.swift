#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Guesses which of the bundle's languages a message is written in (naive Bayes over the
/// classifier's character n-gram columns, learned from the same training messages), so that a
/// whole English question in a Dutch conversation can be noticed.
struct LanguageGuesser: Sendable {
    let languages: [String]
    /// Per language, per column: the log-probability of the n-gram in that language.
    private let logProbabilities: [[Double]]

    /// A guess is only made for messages with at least this many words: "ok" or "ja" say nothing.
    static let shortestMessage = 3
    /// The other language must be this much more likely (natural log, per known n-gram).
    static let leadPerGram = 0.3
    /// Guesses need this many training messages in every language: a few keywords per topic
    /// say too little about a language.
    static let fewestMessages = 100

    /// Whether every language had enough training messages to guess from.
    let isReliable: Bool

    /// Learns from training messages' counts, each labelled with its language's index.
    init(languages: [String], counts: [FeatureSpace.Counts], labels: [Int], space: FeatureSpace) {
        self.languages = languages
        var perLanguage = Array(repeating: Array(repeating: 1.0, count: space.count), count: languages.count)
        var totals = Array(repeating: Double(space.count), count: languages.count)
        var messages = Array(repeating: 0, count: languages.count)
        for label in labels { messages[label] += 1 }
        isReliable = messages.allSatisfy { $0 >= Self.fewestMessages }
        for (message, label) in zip(counts, labels) {
            for index in 0..<message.wordStart {
                perLanguage[label][Int(message.columns[index])] += Double(message.counts[index])
                totals[label] += Double(message.counts[index])
            }
        }
        logProbabilities = perLanguage.enumerated().map { language, counts in
            let denominator = log(totals[language])
            return counts.map { log($0) - denominator }
        }
    }

    /// The language a message with these counts is clearly written in, when it is not `current`.
    func otherLanguage(of counts: FeatureSpace.Counts, words: Int, current: String) -> String? {
        guard isReliable, languages.count > 1, words >= Self.shortestMessage, counts.wordStart > 0,
              let currentIndex = languages.firstIndex(of: current) else { return nil }
        let scores = logProbabilities.map { table in
            (0..<counts.wordStart).reduce(0.0) { $0 + Double(counts.counts[$1]) * table[Int(counts.columns[$1])] }
        }
        let best = scores.indices.max { scores[$0] < scores[$1] }!
        let grams = (0..<counts.wordStart).reduce(0) { $0 + Int(counts.counts[$1]) }
        guard best != currentIndex, (scores[best] - scores[currentIndex]) / Double(grams) >= Self.leadPerGram else { return nil }
        return languages[best]
    }
}
