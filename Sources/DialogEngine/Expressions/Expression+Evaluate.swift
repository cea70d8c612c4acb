import HashTreeCollections

extension Expression {
    /// Evaluates a checked expression. A variable that has no value yet reads as `nil`, which makes
    /// comparisons false; validation (DLG019) makes sure that cannot happen in a valid bundle.
    func evaluate(_ variables: Variables) -> DialogValue? {
        switch self {
        case .literal(let value): return value
        case .variable(let name, _): return variables[name]
        case .fact: return nil  // replaced by literals when the bundle loads
        case .list: return nil
        case .not(let inner):
            guard case .bool(let flag)? = inner.evaluate(variables) else { return nil }
            return .bool(!flag)
        case .and(let a, let b):
            guard case .bool(true)? = a.evaluate(variables) else { return .bool(false) }
            guard case .bool(let flag)? = b.evaluate(variables) else { return .bool(false) }
            return .bool(flag)
        case .or(let a, let b):
            if case .bool(true)? = a.evaluate(variables) { return .bool(true) }
            guard case .bool(let flag)? = b.evaluate(variables) else { return .bool(false) }
            return .bool(flag)
        case .compare(let comparison, let a, let b, _):
            guard let left = a.evaluate(variables), let right = b.evaluate(variables) else { return .bool(false) }
            switch (comparison, left, right) {
            case (.equal, _, _): return .bool(left == right)
            case (.notEqual, _, _): return .bool(left != right)
            case (.less, .number(let x), .number(let y)): return .bool(x < y)
            case (.lessOrEqual, .number(let x), .number(let y)): return .bool(x <= y)
            case (.greater, .number(let x), .number(let y)): return .bool(x > y)
            case (.greaterOrEqual, .number(let x), .number(let y)): return .bool(x >= y)
            default: return .bool(false)
            }
        case .contains(let a, let b, _):
            guard let value = a.evaluate(variables), case .list(let values) = b else { return .bool(false) }
            return .bool(values.contains(value))
        }
    }

    /// True only when the expression evaluates to `true`.
    func isTrue(_ variables: Variables) -> Bool {
        if case .bool(true)? = evaluate(variables) { return true }
        return false
    }
}
