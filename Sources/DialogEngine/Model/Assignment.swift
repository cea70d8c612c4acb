/// `variable = value`, as written in a `set` node or on a choice.
struct Assignment: Sendable {
    var variable: String
    var value: Condition
    var origin: Origin
}
