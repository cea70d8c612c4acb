#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The columns of the model: every n-gram seen in training, with how rare it is (inverse document
/// frequency). Turns a message into a TF-IDF vector: sublinear term frequency (1 + ln count), each
/// block (character n-grams, word n-grams) scaled to length 1 so that neither drowns the other.
struct FeatureSpace: Sendable {
    private(set) var table: ColumnTable
    /// Inverse document frequency per column.
    private(set) var inverseFrequency: [Double]
    /// Whether a column is a character n-gram (the rest are word n-grams).
    private(set) var isCharacterGram: [Bool]

    var count: Int { inverseFrequency.count }

    /// How often each column occurs in one message: character n-grams first, then word n-grams.
    struct Counts {
        var columns: [Int32] = []
        var counts: [Int32] = []
        /// Where the word n-grams start.
        var wordStart = 0
    }

    /// Builds the columns from the training messages, in their order (so columns are the same on
    /// every run), and returns each message's counts for ``vector(_:)``.
    static func train(_ messages: [TextFeatures]) -> (FeatureSpace, [Counts]) {
        var table = ColumnTable(capacity: messages.count * 16)
        var documentFrequency: [Int] = []
        var isCharacter: [Bool] = []
        var stamp: [Int] = []
        var slot: [Int] = []
        var all: [Counts] = []
        all.reserveCapacity(messages.count)
        for (message, features) in messages.enumerated() {
            var counts = Counts()
            for block in 0..<2 {
                if block == 1 { counts.wordStart = counts.columns.count }
                let hashes = block == 0 ? features.characterGrams : features.wordGrams
                for (offset, hash) in hashes.enumerated() {
                    let times = block == 0 ? features.characterGramCounts[offset] : 1
                    let (column, isNew) = table.insert(hash)
                    let index = Int(column)
                    if isNew {
                        documentFrequency.append(0)
                        isCharacter.append(block == 0)
                        stamp.append(-1)
                        slot.append(0)
                    }
                    if stamp[index] != message {
                        stamp[index] = message
                        slot[index] = counts.columns.count
                        counts.columns.append(column)
                        counts.counts.append(times)
                        documentFrequency[index] += 1
                    } else {
                        counts.counts[slot[index]] += times
                    }
                }
            }
            all.append(counts)
        }
        // Smoothed, as if one more message held every n-gram: no column weighs zero.
        let documents = Double(messages.count)
        let space = FeatureSpace(table: table, inverseFrequency: documentFrequency.map { log((1 + documents) / (1 + Double($0))) + 1 },
                                 isCharacterGram: isCharacter)
        return (space, all)
    }

    /// Counts the known n-grams of a message; n-grams never seen in training are left out.
    func counts(_ features: TextFeatures) -> Counts {
        var counts = Counts()
        var known: [UInt64] = []
        known.reserveCapacity(features.characterGrams.count)
        for (hash, times) in zip(features.characterGrams, features.characterGramCounts) {
            let column = table.column(of: hash)
            if column >= 0 { known.append(Self.pack(column, times: times)) }
        }
        Self.group(known, columnCount: count, into: &counts)
        counts.wordStart = counts.columns.count
        known.removeAll(keepingCapacity: true)
        for hash in features.wordGrams {
            let column = table.column(of: hash)
            if column >= 0 { known.append(Self.pack(column, times: 1)) }
        }
        Self.group(known, columnCount: count, into: &counts)
        return counts
    }

    /// A column and how often it occurs, in one integer that sorts by column.
    static func pack(_ column: Int32, times: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: column)) << 32 | UInt64(UInt32(bitPattern: times))
    }

    /// Up to this many n-grams are sorted by comparing; more are sorted by their column's bytes
    /// (radix sort), which costs a few passes over them and no array as long as the model.
    static let comparisonSortLimit = 64

    /// Appends the distinct columns of `known` (see ``pack(_:times:)``), ascending, each with the
    /// sum of its times. (A pasted text's repeated words were counted before: each distinct
    /// word's n-grams come once, with how often the word was typed.)
    static func group(_ known: [UInt64], columnCount: Int, into counts: inout Counts) {
        var sorted = known
        counts.columns.reserveCapacity(counts.columns.count + sorted.count)
        counts.counts.reserveCapacity(counts.counts.count + sorted.count)
        if sorted.count <= comparisonSortLimit {
            sorted.sort()
        } else {
            radixSort(&sorted, columnBits: Int.bitWidth - max(columnCount, 1).leadingZeroBitCount)
        }
        var index = 0
        while index < sorted.count {
            let column = Int32(truncatingIfNeeded: sorted[index] >> 32)
            var total: Int32 = 0
            while index < sorted.count, Int32(truncatingIfNeeded: sorted[index] >> 32) == column {
                total += Int32(truncatingIfNeeded: sorted[index])
                index += 1
            }
            counts.columns.append(column)
            counts.counts.append(total)
        }
    }

    /// Sorts packed values by their column (the high 32 bits, of which `columnBits` are used), a
    /// byte at a time, lowest byte first.
    static func radixSort(_ values: inout [UInt64], columnBits: Int) {
        var other = [UInt64](repeating: 0, count: values.count)
        var shift = 32
        while shift < 32 + columnBits {
            values.withUnsafeBufferPointer { from in
                other.withUnsafeMutableBufferPointer { to in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: 257) { starts in
                        starts.initialize(repeating: 0)
                        for value in from { starts[Int(truncatingIfNeeded: value >> shift) & 0xFF + 1] += 1 }
                        for digit in 1..<257 { starts[digit] += starts[digit - 1] }
                        for value in from {
                            let digit = Int(truncatingIfNeeded: value >> shift) & 0xFF
                            to[starts[digit]] = value
                            starts[digit] += 1
                        }
                    }
                }
            }
            swap(&values, &other)
            shift += 8
        }
    }

    /// The TF-IDF vector of a message's counts.
    func vector(_ counts: Counts) -> SparseVector {
        var values = Array(repeating: 0.0, count: counts.columns.count)
        for (start, end) in [(0, counts.wordStart), (counts.wordStart, counts.columns.count)] where start < end {
            var squared = 0.0
            for index in start..<end {
                let value = (1 + log(Double(counts.counts[index]))) * inverseFrequency[Int(counts.columns[index])]
                values[index] = value
                squared += value * value
            }
            let scale = 1 / squared.squareRoot()
            for index in start..<end { values[index] *= scale }
        }
        return SparseVector(columns: counts.columns, values: values)
    }

    /// The TF-IDF vector of a message.
    func vector(_ features: TextFeatures) -> SparseVector { vector(counts(features)) }

    /// Whether `word` was seen as a whole word in training.
    func knows(word: String) -> Bool {
        table.column(of: TextFeatures.wordHash(word)) >= 0
    }
}
