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
