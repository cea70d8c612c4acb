/// Checks an expression's names and types against the bundle's declarations and replaces fact
/// references by their values, so evaluation at run time needs no look-ups beyond variables.
struct ExpressionChecker {
    enum Problem: Sendable, Equatable {
        case unknownVariable(String, offset: Int, suggestion: String?)
        case unknownFact(String, offset: Int, suggestion: String?)
        case type(String, offset: Int, hint: String? = nil)
    }

    var variableTypes: [String: ValueType]
    var facts: [String: [String: DialogValue]]
    /// Whether a text means yes (true), no (false) or neither (nil) in the bundle's languages,
    /// for the hint when a yes/no variable is compared with text such as 'no'.
    var yesOrNo: @Sendable (String) -> Bool? = { _ in nil }

    /// Returns the resolved expression and its type, or the first problem found.
    func check(_ expression: Expression) -> Result<(Expression, ValueType), ProblemBox> {
        do throws(ProblemBox) {
            return .success(try resolve(expression))
        } catch {
            return .failure(error)
        }
    }

    struct ProblemBox: Error { var problem: Problem }

    private func resolve(_ expression: Expression) throws(ProblemBox) -> (Expression, ValueType) {
        switch expression {
        case .literal(let value):
            return (expression, value.type)
        case .list(let values):
            let types = Set(values.map(\.type))
            guard types.count <= 1 else {
                throw ProblemBox(problem: .type("a list must hold values of one type", offset: 0))
            }
            return (expression, .list(types.first ?? .text))
        case .variable(let name, let offset):
            guard let type = variableTypes[name] else {
                throw ProblemBox(problem: .unknownVariable(name, offset: offset, suggestion: Suggestion.closest(to: name, among: variableTypes.keys)))
            }
            return (expression, type)
        case .fact(let name, let field, let offset):
            guard let fields = facts[name] else {
                throw ProblemBox(problem: .unknownFact(name, offset: offset, suggestion: Suggestion.closest(to: name, among: facts.keys)))
            }
            guard let value = fields[field] else {
                throw ProblemBox(problem: .unknownFact("\(name).\(field)", offset: offset, suggestion: Suggestion.closest(to: field, among: fields.keys).map { "\(name).\($0)" }))
            }
            return (.literal(value), value.type)
        case .not(let inner):
            let (resolved, type) = try resolve(inner)
            try expect(type, .bool, "'not' needs a true/false value", offset: 0)
            return (.not(resolved), .bool)
        case .and(let a, let b), .or(let a, let b):
            let (left, leftType) = try resolve(a)
            let (right, rightType) = try resolve(b)
            let word = if case .and = expression { "and" } else { "or" }
            try expect(leftType, .bool, "'\(word)' needs true/false values on both sides, not \(leftType)", offset: 0)
            try expect(rightType, .bool, "'\(word)' needs true/false values on both sides, not \(rightType)", offset: 0)
            return (word == "and" ? .and(left, right) : .or(left, right), .bool)
        case .compare(let comparison, let a, let b, let offset):
            let (left, leftType) = try resolve(a)
            let (right, rightType) = try resolve(b)
            guard leftType.base == rightType.base else {
                throw ProblemBox(problem: .type("cannot compare \(leftType) with \(rightType) using '\(comparison.rawValue)'", offset: offset,
                                                hint: yesNoHint(comparison, a, leftType, b, rightType)))
            }
            if [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(comparison), leftType.base != .number {
                throw ProblemBox(problem: .type("'\(comparison.rawValue)' compares numbers, not \(leftType)", offset: offset))
            }
            try checkOneOf(leftType, against: right, offset: offset)
            try checkOneOf(rightType, against: left, offset: offset)
            return (.compare(comparison, left, right, offset: offset), .bool)
        case .contains(let a, let b, let offset):
            let (left, leftType) = try resolve(a)
            let (right, rightType) = try resolve(b)
            guard case .list(let element) = rightType.base else {
                throw ProblemBox(problem: .type("'in' needs a list on its right, such as ['a', 'b']", offset: offset))
            }
            if case .list(let values) = right, !values.isEmpty, element != leftType.base {
                throw ProblemBox(problem: .type("cannot look for \(leftType) in a list of \(element)", offset: offset))
            }
            if case .oneOf(let allowed) = leftType, case .list(let values) = right {
                for case .text(let value) in values where !allowed.contains(value) {
                    throw ProblemBox(problem: .type("'\(value)' is not an allowed value (\(allowed.map { "'\($0)'" }.joined(separator: ", ")))", offset: offset))
                }
            }
            return (.contains(left, right, offset: offset), .bool)
        }
    }

    /// `talked == 'no'` on a yes/no variable: the author means `not talked`.
    private func yesNoHint(_ comparison: Expression.Comparison, _ a: Expression, _ aType: ValueType, _ b: Expression, _ bType: ValueType) -> String? {
        let pair: (String, String)? = switch (a, aType.base, b, bType.base) {
        case (.variable(let name, _), .bool, .literal(.text(let text)), _), (.literal(.text(let text)), _, .variable(let name, _), .bool): (name, text)
        default: nil
        }
        guard let (name, text) = pair, comparison == .equal || comparison == .notEqual else { return nil }
        guard let yes = yesOrNo(text) else { return "a yes/no variable is true or false, not text: write '\(name)' or 'not \(name)'" }
        return yes == (comparison == .equal) ? "write '\(name)': it is true when the answer was yes" : "write 'not \(name)'"
    }

    private func expect(_ actual: ValueType, _ expected: ValueType, _ message: String, offset: Int) throws(ProblemBox) {
        if actual.base != expected { throw ProblemBox(problem: .type(message, offset: offset)) }
    }

    /// Comparing a one-of variable with a literal it can never hold is a typo the author wants to hear about.
    private func checkOneOf(_ type: ValueType, against other: Expression, offset: Int) throws(ProblemBox) {
        if case .oneOf(let allowed) = type, case .literal(.text(let value)) = other, !allowed.contains(value) {
            let hint = Suggestion.closest(to: value, among: allowed).map { " (\(Diagnostic.Problem.didYouMean($0)))" } ?? ""
            throw ProblemBox(problem: .type("'\(value)' is not an allowed value (\(allowed.map { "'\($0)'" }.joined(separator: ", ")))\(hint)", offset: offset))
        }
    }
}
