/// Conditions and assigned values: their names resolved, their types checked (`TypeChecker`),
/// and what they read recorded as used.
extension Linker {
    mutating func link(_ assignment: inout Assignment) {
        guard let declaration = lookUpVariable(assignment.variable, at: assignment.origin) else { return }
        link(&assignment.value, expecting: declaration.type)
    }

    mutating func link(_ condition: inout Condition, expecting expected: ValueType) {
        usedFacts.formUnion(condition.expression.factsReferenced)
        guard let resolved = types.check(condition, expecting: expected) else { return }
        condition.expression = resolved
        usedVariables.formUnion(resolved.variablesRead)
    }
}
