import Foundation
import HashTreeCollections

/// The expression parser, and for what parses, the checker and evaluation against a few
/// variables and facts of every type.
enum FuzzExpression {
    static let checker = ExpressionChecker(
        variableTypes: ["flag": .bool, "count": .number, "name": .text, "wheel": .oneOf(["front", "rear"])],
        facts: ["fee": ["amount": .number(12.5), "year": .number(2026), "label": .text("fee")]])
    static let variables: Variables = ["flag": .bool(true), "count": .number(3), "name": .text("Ann"), "wheel": .text("rear")]

    static func run(_ data: Data) {
        let text = String(decoding: data.prefix(4_096), as: UTF8.self)
        guard let expression = try? ExpressionParser.parse(text) else { return }
        _ = expression.evaluate(variables)
        _ = expression.isTrue([:])
        if case .success(let (resolved, _)) = checker.check(expression) {
            _ = resolved.evaluate(variables)
            _ = resolved.isTrue(variables)
        }
    }
}
