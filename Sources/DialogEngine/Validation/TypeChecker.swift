/// Checks that what a node stores in a variable, and what a condition or assignment computes,
/// has the variable's declared type.
struct TypeChecker {
    let context: LoadContext
    /// Made once per bundle: a bundle can have thousands of conditions, and each checker copies
    /// every variable and fact declaration.
    private let expressions: ExpressionChecker

    init(bundle: CompiledBundle, context: LoadContext) {
        self.context = context
        let words = bundle.indexWords
        expressions = ExpressionChecker(variableTypes: bundle.variables.mapValues(\.type), facts: bundle.facts.mapValues(\.fields),
                                        yesOrNo: { words.interpretYesNo(TextNormalizer.words($0)) })
    }

    /// A question stores the chosen choice's id: the variable must hold text, or one of its ids.
    func checkChoices(_ ids: [String], storedIn declaration: VariableDeclaration, at origin: Origin) {
        switch declaration.type {
        case .text: break
        case .oneOf(let allowed):
            for id in ids where !allowed.contains(id) {
                context.report(.notAValueOfVariable(kind: "choice id", value: id, variable: declaration.name, type: "\(declaration.type)"), at: origin)
            }
        default:
            context.report(.questionStoresText(variable: declaration.name, type: "\(declaration.type)"), at: origin)
        }
    }

    /// An input stores a value of its own type in the variable.
    func checkInput(_ type: Input.InputType, storedIn declaration: VariableDeclaration, at origin: Origin) {
        let produced: ValueType
        switch type {
        case .yesNo: produced = .bool
        case .number: produced = .number
        case .text: produced = .text
        case .oneOf(let options):
            produced = .text
            if case .oneOf(let allowed) = declaration.type {
                for option in options where !allowed.contains(option.value) {
                    context.report(.notAValueOfVariable(kind: "option", value: option.value, variable: declaration.name, type: "\(declaration.type)"), at: origin)
                }
            }
        }
        if produced != declaration.type.base {
            context.report(.inputGivesOtherType(variable: declaration.name, type: "\(declaration.type)", produced: "\(produced)"), at: origin)
        }
    }

    /// The condition's expression with its names resolved, or nil when a name is unknown or its
    /// types do not fit together; a result of the wrong type is reported but still returned.
    func check(_ condition: Condition, expecting expected: ValueType) -> Expression? {
        switch expressions.check(condition.expression) {
        case .success(let (resolved, type)):
            if type.base != expected.base {
                context.report(expected == .bool ? .conditionNotTrueOrFalse(condition.text, type: "\(type)")
                                   : .valueOfWrongType(condition.text, type: "\(type)", expected: "\(expected)"), at: condition.origin)
            } else if case .oneOf(let allowed) = expected, case .literal(.text(let value)) = resolved, !allowed.contains(value) {
                context.report(.notAValue(value, of: "\(expected)", suggestion: Suggestion.closest(to: value, among: allowed)), at: condition.origin)
            }
            return resolved
        case .failure(let box):
            report(box.problem, in: condition)
            return nil
        }
    }

    private func report(_ problem: ExpressionChecker.Problem, in condition: Condition) {
        switch problem {
        case .unknownVariable(let name, let offset, let suggestion):
            let place = condition.text == name ? nil : "in '\(condition.text)'"
            context.report(.unknown(.variable, name, place: place, suggestion: suggestion), at: context.inString(condition.origin, at: offset))
        case .unknownFact(let name, let offset, let suggestion):
            if context.mayBeMissing("fact", String(name.split(separator: ".")[0])) { return }
            context.report(.unknown(.fact, name, place: "in '\(condition.text)'", suggestion: suggestion), at: context.inString(condition.origin, at: offset))
        case .type(let message, let offset, let hint):
            context.report(.expressionType(message, in: condition.text, hint: hint), at: context.inString(condition.origin, at: offset))
        }
    }
}
