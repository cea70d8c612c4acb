/// Levenshtein distance on Unicode scalars, stopping early once it exceeds a limit.
enum EditDistance {
    static func between(_ a: String, _ b: String, limit: Int = .max) -> Int {
        between(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// The distance when it is at most `limit`, otherwise `limit + 1`. Only the cells within
    /// `limit` of the diagonal are worked out: a path outside that band costs more than `limit`.
    static func between(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar], limit: Int = .max) -> Int {
        if abs(left.count - right.count) > limit { return limit + 1 }
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        let band = min(limit, max(left.count, right.count))
        let beyond = band + 1
        // Two rows on the stack: this runs for many word pairs on every answer.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (right.count + 2)) { buffer in
            var previous = buffer.baseAddress!
            var current = previous + (right.count + 2)
            for j in 0...right.count { previous[j] = min(j, beyond) }
            previous[right.count + 1] = beyond
            for i in 1...left.count {
                let (low, high) = (max(1, i - band), min(right.count, i + band))
                current[low - 1] = low == 1 ? min(i, beyond) : beyond
                var rowMinimum = current[low - 1]
                for j in low...high {
                    let cost = left[i - 1] == right[j - 1] ? 0 : 1
                    let value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, beyond)
                    current[j] = value
                    rowMinimum = Swift.min(rowMinimum, value)
                }
                // The next row reads one cell further right: outside this band, so too far.
                current[high + 1] = beyond
                if rowMinimum > limit { return limit + 1 }
                swap(&previous, &current)
            }
            return previous[right.count] > limit ? limit + 1 : previous[right.count]
        }
    }

    /// The scalars' values modulo 64, as bits: a quick test that rules out most word pairs before
    /// the distance is worked out (see ``mayBeWithin(_:_:edits:)``).
    static func letterMask(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
        scalars.reduce(0) { $0 | 1 << ($1.value & 63) }
    }

    /// False when words with these letter masks are surely more than `edits` apart. A letter
    /// (bit) one word has and the other lacks entirely takes an edit of its own, so more such
    /// bits than `edits` on either side rule the pair out; letters sharing a bit only make the
    /// test more lenient, never wrong.
    static func mayBeWithin(_ left: UInt64, _ right: UInt64, edits: Int) -> Bool {
        (left & ~right).nonzeroBitCount <= edits && (right & ~left).nonzeroBitCount <= edits
    }
}
