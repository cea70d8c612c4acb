/// Conditions of `branch` cases and the values of `set`, parsed as expressions.
extension FlowLoader {
    func condition(_ value: JSONValue?, what: String) -> Condition? {
        guard let value else { return nil }
        let origin = context.origin(file, value)
        switch value.kind {
        case .bool(let flag): return Condition(text: String(flag), expression: .literal(.bool(flag)), origin: origin)
        case .number(let number): return Condition(text: "\(number)", expression: .literal(.number(number)), origin: origin)
        case .string(let text):
            do throws(ExpressionError) {
                return Condition(text: text, expression: try ExpressionParser.parse(text), origin: origin)
            } catch {
                context.report(.expressionSyntax(error.message, in: text), at: context.inString(origin, at: error.offset))
                return nil
            }
        default:
            context.report(.wrongType(what, expected: "an expression in a string", found: value.typeName), file: file, value: value)
            return nil
        }
    }

    func assignments(_ value: JSONValue?) -> [Assignment] {
        guard let value else { return [] }
        guard let members = value.members else {
            context.report(.wrongType("'set'", expected: "an object of values by variable name", found: value.typeName), file: file, value: value)
            return []
        }
        return context.firstOfEachKey(members, file: file, what: "'set'").filter { $0.key != "$comment" }.compactMap { member in
            guard let expression = condition(member.value, what: "the value of '\(member.key)'") else { return nil }
            return Assignment(variable: member.key, value: expression,
                              origin: context.origin(file, member.keyLocation))
        }
    }
}
