/// A condition or value written by an author, parsed once when the bundle loads.
indirect enum Expression: Sendable, Hashable {
    enum Comparison: String, Sendable, Hashable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    case literal(DialogValue)
    /// A variable, by name; `offset` is its column within the expression text (0-based).
    case variable(String, offset: Int)
    /// A fact field such as `deductible.amount`, resolved to its value at load time.
    case fact(String, field: String, offset: Int)
    case list([DialogValue])
    case not(Expression)
    case and(Expression, Expression)
    case or(Expression, Expression)
    case compare(Comparison, Expression, Expression, offset: Int)
    case contains(Expression, Expression, offset: Int)

    /// Every variable this expression reads.
    var variablesRead: Set<String> {
        switch self {
        case .variable(let name, _): [name]
        case .literal, .fact, .list: []
        case .not(let inner): inner.variablesRead
        case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b, _), .contains(let a, let b, _):
            a.variablesRead.union(b.variablesRead)
        }
    }

    /// Every fact this expression names (before facts are resolved to their values).
    var factsReferenced: Set<String> {
        switch self {
        case .fact(let name, _, _): [name]
        case .literal, .variable, .list: []
        case .not(let inner): inner.factsReferenced
        case .and(let a, let b), .or(let a, let b), .compare(_, let a, let b, _), .contains(let a, let b, _):
            a.factsReferenced.union(b.factsReferenced)
        }
    }
}
