/// A parsed expression with where it was written.
struct Condition: Sendable {
    var text: String
    var expression: Expression
    var origin: Origin
}
