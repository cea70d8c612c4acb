@testable import DialogEngine
import Testing

/// How a message's n-gram columns are counted: the same distinct columns, ascending, with the
/// same counts, whether the message is short (sorted) or long (tallied first).
@Suite struct FeatureSpaceTests {
    /// The counts written plainly, as the specification.
    static func expected(_ known: [Int32]) -> (columns: [Int32], counts: [Int32]) {
        var occurrences: [Int32: Int32] = [:]
        for column in known { occurrences[column, default: 0] += 1 }
        let columns = occurrences.keys.sorted()
        return (columns, columns.map { occurrences[$0]! })
    }

    @Test(arguments: [0, 1, 5, 512, 513, 2_000])
    func columnsAreGroupedAscendingWithTheirCounts(length: Int) {
        // Deterministic, with repeats: a pasted text repeats its n-grams.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let known: [Int32] = (0..<length).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int32((state >> 33) % 300)
        }
        var counts = FeatureSpace.Counts()
        FeatureSpace.group(known, columnCount: 300, into: &counts)
        let (columns, occurrences) = Self.expected(known)
        #expect(counts.columns == columns)
        #expect(counts.counts == occurrences)
        #expect(counts.counts.reduce(0, +) == Int32(length))
    }
}
