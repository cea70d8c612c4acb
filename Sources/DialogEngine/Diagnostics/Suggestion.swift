/// "Did you mean ...?" suggestions by edit distance.
package enum Suggestion {
    /// The candidate closest to `name`, if it is close enough to be a likely typo.
    package static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        SuggestionIndex(candidates).closest(to: name)
    }

    /// A hint sentence, or nil when nothing is close.
    package static func hint(for name: String, among candidates: some Sequence<String>) -> String? {
        closest(to: name, among: candidates).map(Diagnostic.Problem.didYouMean)
    }
}
