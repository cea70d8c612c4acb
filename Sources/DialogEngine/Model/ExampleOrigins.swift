/// Where a list of examples is written: the whole object, and each example per language.
struct ExampleOrigins: Sendable {
    var object: Origin
    var phrases: [String: [Origin]]
}
