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

/// A variable declared by a flow. Variables are shared by the whole bundle.
struct VariableDeclaration: Sendable {
    var name: String
    var type: ValueType
    var defaultValue: DialogValue?
    var origin: Origin
}

/// A citable reference: where a fact comes from.
struct Source: Sendable {
    var id: String
    var title: LocalizedText
    var publisher: LocalizedText
    var url: String?
    var checked: String
    var origin: Origin
}

/// A named set of values, such as an amount and the year it applies to.
struct Fact: Sendable {
    var id: String
    var fields: [String: DialogValue]
    /// Fields that differ by language, such as a description.
    var localizedFields: [String: LocalizedText]
    var source: String
    var origin: Origin
    var sourceOrigin: Origin
}

/// Words that are answered from anywhere in a conversation, before anything else, such as an
/// emergency. The conversation then goes on where it was.
struct Interrupt: Sendable {
    var id: String
    var triggers: [String: [String]]
    /// Messages that need this answer, per language, in people's own words: training data for
    /// understanding, next to the keyword triggers that fire on their own.
    var examples: [String: [String]] = [:]
    var exampleOrigins: ExampleOrigins?
    var messages: [LocalizedText]
    var sources: [String]
    var origin: Origin
}

/// Where a list of examples is written: the whole object, and each example per language.
struct ExampleOrigins: Sendable {
    var object: Origin
    var phrases: [String: [Origin]]
}
