/// One answer to a question.
struct Choice: Sendable {
    var id: String
    var label: LocalizedText
    /// Extra phrases per language that pick this choice.
    var synonyms: [String: [String]]
    var next: NodeReference
    var assignments: [Assignment]
    var origin: Origin
}
