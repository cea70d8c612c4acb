/// "Did you mean ...?" suggestions by edit distance.
enum Suggestion {
    /// The candidate closest to `name`, if it is close enough to be a likely typo.
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        SuggestionIndex(candidates).closest(to: name)
    }

    /// A hint sentence, or nil when nothing is close.
    static func hint(for name: String, among candidates: some Sequence<String>) -> String? {
        closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }
}

/// Candidates prepared once for many "did you mean" questions: folded to lower case, grouped by
/// length and given a character signature, so a question computes edit distances only for
/// candidates that could be close enough. Gives the same answers as comparing with every
/// candidate, without its cost when a file has thousands of unknown names.
struct SuggestionIndex: Sendable {
    private struct Candidate: Sendable {
        var name: String
        var folded: [Unicode.Scalar]
        var signature: UInt64
    }

    private var byLength: [Int: [Candidate]] = [:]

    init(_ candidates: some Sequence<String>) {
        for name in candidates {
            let folded = Array(name.lowercased().unicodeScalars)
            byLength[folded.count, default: []].append(Candidate(name: name, folded: folded, signature: Self.signature(folded)))
        }
    }

    /// The candidate closest to `name` within `max(2, characters / 3)` edits; ties go to the
    /// alphabetically first.
    func closest(to name: String) -> String? {
        let limit = max(2, name.count / 3)
        let folded = Array(name.lowercased().unicodeScalars)
        let signature = Self.signature(folded)
        var best: (name: String, distance: Int)?
        for length in max(0, folded.count - limit)...(folded.count + limit) {
            for candidate in byLength[length] ?? [] {
                // Each edit changes at most two members of the set of characters, so more than
                // 2 * limit differing signature bits rule a candidate out without a distance.
                guard (signature ^ candidate.signature).nonzeroBitCount <= 2 * limit else { continue }
                let distance = EditDistance.between(folded, candidate.folded, limit: limit)
                guard distance <= limit else { continue }
                if best == nil || distance < best!.distance || (distance == best!.distance && candidate.name < best!.name) {
                    best = (candidate.name, distance)
                }
            }
        }
        return best?.name
    }

    /// One bit per character (by hash), a set whose difference bounds the edit distance from below.
    private static func signature(_ scalars: [Unicode.Scalar]) -> UInt64 {
        var bits: UInt64 = 0
        for scalar in scalars { bits |= 1 << UInt64((scalar.value &* 2_654_435_761) >> 26 & 63) }
        return bits
    }
}

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
}
