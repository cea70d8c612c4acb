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
                context.report(.typeMismatch, "choice id '\(id)' is not one of the values of variable '\(declaration.name)' (\(declaration.type))", at: origin)
            }
        default:
            context.report(.typeMismatch, "variable '\(declaration.name)' is \(declaration.type), but a question stores the chosen id, a text", at: origin)
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
                    context.report(.typeMismatch, "option '\(option.value)' is not one of the values of variable '\(declaration.name)' (\(declaration.type))", at: origin)
                }
            }
        }
        if produced != declaration.type.base {
            context.report(.typeMismatch, "variable '\(declaration.name)' is \(declaration.type), but this input gives \(produced)", at: origin)
        }
    }

    /// The condition's expression with its names resolved, or nil when a name is unknown or its
    /// types do not fit together; a result of the wrong type is reported but still returned.
    func check(_ condition: Condition, expecting expected: ValueType) -> Expression? {
        switch expressions.check(condition.expression) {
        case .success(let (resolved, type)):
            if type.base != expected.base {
                let what = expected == .bool ? "a condition must be true or false, but '\(condition.text)' is \(type)"
                    : "'\(condition.text)' is \(type), but the variable is \(expected)"
                context.report(.typeMismatch, what, at: condition.origin)
            } else if case .oneOf(let allowed) = expected, case .literal(.text(let value)) = resolved, !allowed.contains(value) {
                context.report(.typeMismatch, "'\(value)' is not one of the values of \(expected)", at: condition.origin,
                               hint: Suggestion.hint(for: value, among: allowed))
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
            let place = condition.text == name ? "" : " in '\(condition.text)'"
            context.report(.unknownVariable, "unknown variable '\(name)'\(place)", at: context.inString(condition.origin, at: offset),
                           hint: suggestion.map { "did you mean '\($0)'?" } ?? "declare it under \"variables\" in a flow")
        case .unknownFact(let name, let offset, let suggestion):
            if context.mayBeMissing("fact", String(name.split(separator: ".")[0])) { return }
            context.report(.unknownFact, "unknown fact '\(name)' in '\(condition.text)'", at: context.inString(condition.origin, at: offset),
                           hint: suggestion.map { "did you mean '\($0)'?" })
        case .type(let message, let offset, let hint):
            context.report(.typeMismatch, "\(message) in '\(condition.text)'", at: context.inString(condition.origin, at: offset), hint: hint)
        }
    }
}
