@testable import DialogEngine
import Testing

/// How a message's n-gram columns are counted: the same distinct columns, ascending, with the
/// same counts, whether the message is short (compared) or long (sorted by bytes), and whether a
/// repeated word's n-grams come once per occurrence or once with how often the word was typed.
@Suite struct FeatureSpaceTests {
    /// The counts written plainly, as the specification.
    static func expected(_ known: [Int32], times: [Int32]) -> (columns: [Int32], counts: [Int32]) {
        var occurrences: [Int32: Int32] = [:]
        for (column, times) in zip(known, times) { occurrences[column, default: 0] += times }
        let columns = occurrences.keys.sorted()
        return (columns, columns.map { occurrences[$0]! })
    }

    @Test(arguments: [0, 1, 5, 64, 65, 512, 2_000])
    func columnsAreGroupedAscendingWithTheirCounts(length: Int) {
        // Deterministic, with repeats: a pasted text repeats its n-grams.
        // The longest also has columns past 65,536: three bytes to sort by.
        let columnCount = length == 2_000 ? 70_000 : 300
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let known: [Int32] = (0..<length).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int32((state >> 33) % UInt64(columnCount))
        }
        let times: [Int32] = known.map { $0 % 7 == 0 ? 1 + $0 % 5 : 1 }
        var counts = FeatureSpace.Counts()
        FeatureSpace.group(zip(known, times).map { FeatureSpace.pack($0, times: $1) }, columnCount: columnCount, into: &counts)
        let (columns, occurrences) = Self.expected(known, times: times)
        #expect(counts.columns == columns)
        #expect(counts.counts == occurrences)
        #expect(counts.counts.reduce(0, +) == times.reduce(0, +))
    }

    /// A pasted text's repeated words are cut into n-grams once: the counts are those of cutting
    /// every occurrence.
    @Test func repeatedWordsCountAsOftenAsTyped() {
        let space = FeatureSpace.train([TextFeatures(words: ["mijn", "moeder", "is", "ziek"])]).0
        let typed = ["mijn", "moeder", "is", "ziek", "mijn", "moeder", "mijn"]
        let list = WordList(typed)
        #expect(list.distinct == ["mijn", "moeder", "is", "ziek"])
        #expect(list.counts == [3, 2, 1, 1])
        #expect(list.occurrences == [0, 1, 2, 3, 0, 1, 0])
        let counts = space.counts(TextFeatures(list))
        // Each word on its own: its n-grams as often as the word was typed.
        let mijn = space.counts(TextFeatures(words: ["mijn"]))
        for column in mijn.columns[..<mijn.wordStart] {
            let index = counts.columns.firstIndex(of: column)!
            #expect(counts.counts[index] >= 3)
        }
        // The same counts as the features of every occurrence one by one, summed.
        var summed: [Int32: Int32] = [:]
        for word in typed {
            let single = space.counts(TextFeatures(words: [word]))
            for (column, count) in zip(single.columns[..<single.wordStart], single.counts[..<single.wordStart]) {
                summed[column, default: 0] += count
            }
        }
        let characterColumns = Array(counts.columns[..<counts.wordStart])
        #expect(characterColumns == summed.keys.sorted())
        #expect(Array(counts.counts[..<counts.wordStart]) == characterColumns.map { summed[$0]! })
        // Word n-grams still follow the order typed: 4 words and 3 known 2-grams ("mijn moeder"
        // twice; "ziek mijn" and "moeder mijn" were never seen), 7 + 4 occurrences.
        #expect(counts.columns.count - counts.wordStart == 7)
        #expect(counts.counts[counts.wordStart...].reduce(0, +) == 11)
    }
}
