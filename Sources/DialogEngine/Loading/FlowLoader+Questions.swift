/// The parts of `ask` and `input` nodes: choices, input types and `fill`.
extension FlowLoader {
    static let inputTypes = ["yesno", "number", "text", "oneOf"]

    func loadQuestion(_ json: JSONValue, _ common: NodeKindSchema.Common) -> Question {
        var choices: [Choice] = []
        var choiceIDs = Set<String>()
        for element in context.array(json["choices"], file: file, what: "'choices'", nonEmpty: true) ?? [] {
            guard let choice = loadChoice(element, missing: common.missing) else { continue }
            if !choiceIDs.insert(choice.id).inserted {
                context.report(.idUsedTwice(kind: "choice", id: choice.id, in: common.what), at: choice.origin)
                continue
            }
            choices.append(choice)
        }
        let variable = context.string(json["variable"], file: file, what: "'variable'")
        return Question(
            text: context.text(json["question"], file: file, what: "the question of \(common.what)") ?? LocalizedText(translations: [], origin: common.missing.origin),
            choices: choices, variable: variable, variableOrigin: json["variable"].map { context.origin(file, $0) },
            noMatch: context.text(json["noMatch"], file: file, what: "'noMatch' of \(common.what)"))
    }

    /// `"fill": true`, or `"fill": {"<answer>": {"nl": [...], "en": [...]}}`.
    func loadFill(_ value: JSONValue, kind: Node.Kind, what: String) -> Fill? {
        var answers: [String] = []
        switch kind {
        case .ask(let question): answers = question.choices.map(\.id)
        case .input(let input):
            switch input.type {
            case .yesNo: answers = ["yes", "no"]
            case .oneOf(let options): answers = options.map(\.value)
            default:
                context.report(.fillNeedsChoices, file: file, value: value)
                return nil
            }
        default: return nil
        }
        if case .bool(let flag) = value.kind {
            if !flag { return nil }
            if answers == ["yes", "no"] {
                context.report(.fillYesNoNeedsPhrases, file: file, value: value)
                return nil
            }
            return Fill(phrases: [:], origin: context.origin(file, value))
        }
        guard let members = value.members else {
            context.report(.wrongType("'fill' of \(what)", expected: "true or an object of phrases per answer", found: value.typeName), file: file, value: value)
            return nil
        }
        var phrases: [String: [String: [String]]] = [:]
        for member in context.firstOfEachKey(members, file: file, what: "'fill' of \(what)") where member.key != "$comment" {
            guard answers.contains(member.key) else {
                context.report(.fillUnknownAnswer(member.key, of: what, suggestion: Suggestion.closest(to: member.key, among: answers)),
                               at: context.origin(file, member.keyLocation))
                continue
            }
            phrases[member.key] = context.phrases(member.value, file: file, what: "the '\(member.key)' phrases of 'fill'") ?? [:]
        }
        return Fill(phrases: phrases, origin: context.origin(file, value))
    }

    func loadChoice(_ json: JSONValue, missing: NodeReference) -> Choice? {
        guard context.checkObject(json, file: file, what: "a choice", allowed: ["id", "label", "synonyms", "next", "set"], required: ["id", "label"]),
              let id = context.identifier(json["id"], file: file, what: "the choice id") else { return nil }
        let origin = context.origin(file, json)
        guard let label = context.text(json["label"], file: file, what: "the label of choice '\(id)'") else { return nil }
        let synonyms = context.phrases(json["synonyms"], file: file, what: "the synonyms of choice '\(id)'") ?? [:]
        var next = reference(json, "next", what: "'next'") ?? NodeReference(written: "", origin: origin)
        if json["next"] == nil { next.written = "" }
        return Choice(id: id, label: label, synonyms: synonyms, next: next, assignments: assignments(json["set"]), origin: origin)
    }

    func loadInput(_ json: JSONValue, what: String, next: NodeReference) -> Input? {
        guard let question = context.text(json["question"], file: file, what: "the question of \(what)"),
              let variableValue = json["variable"], let variable = context.string(variableValue, file: file, what: "'variable'"),
              let typeValue = json["type"], let typeName = context.string(typeValue, file: file, what: "'type'") else { return nil }
        let type: Input.InputType
        switch typeName {
        case "yesno": type = .yesNo
        case "number":
            let minimum = context.number(json["min"], file: file, what: "'min'")
            let maximum = context.number(json["max"], file: file, what: "'max'")
            if let minimum, let maximum, minimum > maximum, let value = json["min"] {
                context.report(.minimumAboveMaximum(minimum: "\(DialogValue.number(minimum))", maximum: "\(DialogValue.number(maximum))"), file: file, value: value)
            }
            type = .number(minimum: minimum, maximum: maximum)
        case "text":
            let length = context.number(json["maxLength"], file: file, what: "'maxLength'").map { Int($0) } ?? 500
            type = .text(maximumLength: max(1, length))
        case "oneOf":
            var options: [Input.Option] = []
            for element in context.array(json["options"], file: file, what: "'options'", nonEmpty: true) ?? [] {
                guard context.checkObject(element, file: file, what: "an option", allowed: ["value", "label", "synonyms"], required: ["value", "label"]),
                      let value = context.nonEmptyString(element["value"], file: file, what: "the option value"),
                      let label = context.text(element["label"], file: file, what: "the label of option '\(value)'") else { continue }
                options.append(Input.Option(value: value, label: label, synonyms: context.phrases(element["synonyms"], file: file, what: "the synonyms of option '\(value)'") ?? [:]))
            }
            if json["options"] == nil {
                context.report(.missingField("an input of type oneOf", field: "options"), file: file, value: json)
            }
            type = .oneOf(options)
        default:
            context.report(.unknown(.inputType, typeName, suggestion: Suggestion.closest(to: typeName, among: Self.inputTypes), allowed: Self.inputTypes),
                           file: file, value: typeValue)
            return nil
        }
        return Input(question: question, variable: variable, variableOrigin: context.origin(file, variableValue), type: type,
                     invalid: context.text(json["invalid"], file: file, what: "'invalid' of \(what)"), next: next)
    }
}
