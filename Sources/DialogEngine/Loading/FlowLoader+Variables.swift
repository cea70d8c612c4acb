/// A flow's `variables`: declarations shared by the whole bundle.
extension FlowLoader {
    static let variableTypes = ["bool", "number", "text", "oneOf"]

    func loadVariables(_ table: JSONValue, into variables: inout [VariableDeclaration]) {
        guard let members = table.members else {
            context.report(.wrongType("'variables'", expected: "an object of declarations by name", found: table.typeName), file: file, value: table)
            return
        }
        for member in members where member.key != "$comment" {
            let value = member.value
            let origin = context.origin(file, member.keyLocation)
            let what = "variable '\(member.key)'"
            if !LoadContext.isIdentifier(member.key) || member.key.contains("-") {
                context.report(.invalidVariableName(member.key), at: origin)
                continue
            }
            guard context.checkObject(value, file: file, what: what, allowed: ["type", "values", "default"], required: ["type"]),
                  let typeName = context.string(value["type"], file: file, what: "the type of \(what)") else { continue }
            var type: ValueType
            switch typeName {
            case "bool": type = .bool
            case "number": type = .number
            case "text": type = .text
            case "oneOf":
                let values = context.stringList(value["values"], file: file, what: "the values of \(what)") ?? []
                if values.isEmpty {
                    context.report(.missingField("\(what) of type oneOf", field: "values", purpose: "the texts it may hold"), at: origin)
                }
                type = .oneOf(values)
            default:
                context.report(.unknown(.type, typeName, place: "for \(what)", suggestion: Suggestion.closest(to: typeName, among: Self.variableTypes),
                                        allowed: Self.variableTypes),
                               file: file, value: value["type"]!)
                continue
            }
            var defaultValue: DialogValue?
            if let raw = value["default"] {
                defaultValue = literal(raw)
                if let given = defaultValue, given.type != type.base {
                    context.report(.defaultOfWrongType(of: what, given: "\(given.type)", declared: "\(type)"), file: file, value: raw)
                } else if case .oneOf(let allowed) = type, case .text(let text)? = defaultValue, !allowed.contains(text) {
                    context.report(.defaultNotAValue(text, of: what), file: file, value: raw)
                }
            }
            variables.append(VariableDeclaration(name: member.key, type: type, defaultValue: defaultValue, origin: origin))
        }
    }

    func literal(_ value: JSONValue) -> DialogValue? {
        switch value.kind {
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .string(let text): return .text(text)
        default:
            context.report(.wrongType(nil, expected: "a string, number or true/false", found: value.typeName), file: file, value: value)
            return nil
        }
    }
}
