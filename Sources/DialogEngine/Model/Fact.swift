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
