/// The type of a variable or expression, checked when a bundle loads.
indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case bool
    case number
    case text
    /// A text restricted to the listed values.
    case oneOf([String])
    /// A list literal, only valid on the right of `in`.
    case list(ValueType)

    /// `oneOf` is a text as far as comparisons are concerned.
    var base: ValueType {
        switch self {
        case .oneOf: .text
        case .list(let element): .list(element.base)
        default: self
        }
    }

    var description: String {
        switch self {
        case .bool: "bool"
        case .number: "number"
        case .text: "text"
        case .oneOf(let values): "one of [\(values.map { "'\($0)'" }.joined(separator: ", "))]"
        case .list(let element): "list of \(element)"
        }
    }
}
