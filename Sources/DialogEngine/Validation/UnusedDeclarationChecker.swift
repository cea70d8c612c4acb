/// Warns about sources, facts and variables that are declared but never used, once linking has
/// recorded every use.
struct UnusedDeclarationChecker {
    let bundle: CompiledBundle
    let context: LoadContext

    func check(usedSources: Set<String>, usedFacts: Set<String>, usedVariables: Set<String>) {
        // A flow file or the manifest that could not be read may use any of them: say nothing
        // rather than call something unused that is not.
        guard !context.unavailable.contains("flow"), !context.unavailable.contains("manifest") else { return }
        for source in bundle.sources.values.sorted(by: { $0.id < $1.id }) where !usedSources.contains(source.id) {
            context.report(.unused(.source, source.id), at: source.origin)
        }
        for fact in bundle.facts.values.sorted(by: { $0.id < $1.id }) where !usedFacts.contains(fact.id) {
            context.report(.unused(.fact, fact.id), at: fact.origin)
        }
        for variable in bundle.variables.values.sorted(by: { $0.name < $1.name }) where !usedVariables.contains(variable.name) {
            context.report(.unused(.variable, variable.name), at: variable.origin)
        }
    }
}
