/// Checks the examples the classifier learns from: every language has some, and no example also
/// belongs to another topic (the classifier would learn the same words for two answers).
struct ExampleChecker {
    let bundle: CompiledBundle
    let context: LoadContext

    /// A list of examples and triggers with its owner, for messages.
    private struct Owner {
        var name: String
        var triggers: [String: [String]]
        var examples: [String: [String]]
        var origins: ExampleOrigins?
    }

    func check() {
        var owners: [Owner] = bundle.flows.filter(\.listed).map {
            Owner(name: "flow '\($0.id)'", triggers: $0.triggers, examples: $0.examples, origins: $0.exampleOrigins)
        }
        owners += bundle.interrupts.map { Owner(name: "interrupt '\($0.id)'", triggers: $0.triggers, examples: $0.examples, origins: $0.exampleOrigins) }
        if let handoff = bundle.handoff, let origins = handoff.exampleOrigins {
            owners.append(Owner(name: "'handoff'", triggers: [:], examples: handoff.examples, origins: origins))
        }
        if let origins = bundle.outOfScopeOrigins {
            owners.append(Owner(name: "'outOfScope'", triggers: [:], examples: bundle.outOfScopeExamples, origins: origins))
        }
        checkLanguages(owners)
        checkConflicts(owners)
    }

    private func checkLanguages(_ owners: [Owner]) {
        for owner in owners {
            guard let origins = owner.origins else { continue }
            let missing = bundle.languages.filter { owner.examples[$0, default: []].isEmpty }
            guard !missing.isEmpty else { continue }
            context.report(.examplesMissingLanguage(owner: owner.name, languages: missing), at: origins.object)
        }
    }

    private func checkConflicts(_ owners: [Owner]) {
        // Every trigger and example, normalized, with the first owner that has it.
        var first: [String: (owner: Int, kind: String)] = [:]
        first.reserveCapacity(owners.reduce(0) { count, owner in
            count + owner.triggers.values.reduce(0) { $0 + $1.count } + owner.examples.values.reduce(0) { $0 + $1.count }
        })
        for (index, owner) in owners.enumerated() {
            for language in bundle.languages {
                for trigger in owner.triggers[language, default: []] {
                    let key = TextNormalizer.normalized(trigger)
                    if first[key] == nil { first[key] = (index, "trigger") }
                }
            }
        }
        for (index, owner) in owners.enumerated() {
            for language in bundle.languages {
                for (position, example) in owner.examples[language, default: []].enumerated() {
                    let key = TextNormalizer.normalized(example)
                    guard !key.isEmpty else { continue }
                    if let other = first[key] {
                        if other.owner != index, let origin = owner.origins?.phrases[language]?[safe: position] {
                            context.report(.sharedExample(example, kind: other.kind, owner: owners[other.owner].name), at: origin)
                        }
                    } else {
                        first[key] = (index, "example")
                    }
                }
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
