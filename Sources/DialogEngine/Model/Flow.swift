/// A conversation on one topic: its nodes, where it starts, and the phrases that lead to it.
struct Flow: Sendable {
    var id: String
    var title: LocalizedText
    /// Trigger phrases per language.
    var triggers: [String: [String]]
    /// Whole questions the way people type them, per language: training data for understanding.
    var examples: [String: [String]] = [:]
    /// Where the examples are written, per language and example; nil without examples.
    var exampleOrigins: ExampleOrigins?
    var start: NodeReference
    /// Listed flows appear as topics and are routed to from free text.
    var listed: Bool
    var file: String
    var origin: Origin
    /// Index range of this flow's nodes in the bundle's node list.
    var nodes: Range<Int>
}
