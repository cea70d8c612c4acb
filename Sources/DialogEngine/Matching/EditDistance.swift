/// Levenshtein distance on Unicode scalars, stopping early once it exceeds a limit.
enum EditDistance {
    static func between(_ a: String, _ b: String, limit: Int = .max) -> Int {
        between(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    static func between(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar], limit: Int = .max) -> Int {
        if abs(left.count - right.count) > limit { return limit + 1 }
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        // Two rows on the stack: this runs for many word pairs on every answer.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (right.count + 1)) { buffer in
            var previous = buffer.baseAddress!
            var current = previous + (right.count + 1)
            for j in 0...right.count { previous[j] = j }
            for i in 1...left.count {
                current[0] = i
                var rowMinimum = i
                for j in 1...right.count {
                    let cost = left[i - 1] == right[j - 1] ? 0 : 1
                    current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    rowMinimum = Swift.min(rowMinimum, current[j])
                }
                if rowMinimum > limit { return limit + 1 }
                swap(&previous, &current)
            }
            return previous[right.count]
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
