/// Reads `facts.json`: named values such as an amount and the year it applies to, each with the
/// source it comes from. Texts use them as `{deductible.amount}`.
enum FactsLoader {
    static let file = "facts.json"

    static func load(_ json: JSONValue, context: LoadContext) -> [String: Fact] {
        let file = Self.file
        guard context.checkObject(json, file: file, what: "the facts file", allowed: ["facts"], required: ["facts"]),
              let table = json["facts"] else { return [:] }
        guard let members = table.members else {
            context.report(.wrongType("'facts'", expected: "an object of facts by id", found: table.typeName), file: file, value: table)
            return [:]
        }
        var facts: [String: Fact] = [:]
        for member in members where member.key != "$comment" {
            let value = member.value
            let origin = context.origin(file, member.keyLocation)
            if facts[member.key] != nil {
                context.report(.definedTwice(kind: "fact", id: member.key), at: origin)
                continue
            }
            if !LoadContext.isIdentifier(member.key) {
                context.report(.invalidID("fact id", id: member.key), at: origin)
            }
            guard let fields = value.members else {
                context.report(.wrongType("fact '\(member.key)'", expected: "an object of named values", found: value.typeName), at: origin)
                continue
            }
            var values: [String: DialogValue] = [:]
            var localized: [String: LocalizedText] = [:]
            var source: String?
            var sourceOrigin = origin
            for field in context.firstOfEachKey(fields, file: file, what: "fact '\(member.key)'") where field.key != "$comment" {
                let fieldOrigin = context.origin(file, field.keyLocation)
                switch field.value.kind {
                case .string(let text) where field.key == "source":
                    source = text
                    sourceOrigin = context.origin(file, field.value)
                case .string(let text): values[field.key] = .text(text)
                case .number(let number): values[field.key] = .number(number)
                case .bool(let flag): values[field.key] = .bool(flag)
                case .object:
                    if let text = context.text(field.value, file: file, what: "field '\(field.key)' of fact '\(member.key)'") {
                        localized[field.key] = text
                    }
                default:
                    context.report(.wrongType("field '\(field.key)' of fact '\(member.key)'", expected: "a string, number, true/false or a text per language",
                                                   found: field.value.typeName), at: fieldOrigin)
                }
            }
            if let year = values["year"], !(year.type == .number) {
                context.report(.wrongType("'year' of fact '\(member.key)'", expected: "a number", found: nil), at: origin)
            }
            guard let source else {
                context.unavailable.insert("fact:\(member.key)")
                context.report(.missingField("fact '\(member.key)'", field: "source", purpose: "the id of the source it comes from"), at: origin)
                continue
            }
            facts[member.key] = Fact(id: member.key, fields: values, localizedFields: localized, source: source, origin: origin, sourceOrigin: sourceOrigin)
        }
        return facts
    }
}
