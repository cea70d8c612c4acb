/// A variable declared by a flow. Variables are shared by the whole bundle.
struct VariableDeclaration: Sendable {
    var name: String
    var type: ValueType
    var defaultValue: DialogValue?
    var origin: Origin
}
