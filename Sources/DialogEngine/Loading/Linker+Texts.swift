/// Placeholders in texts: a fact's field becomes literal text at load time, a variable stays a
/// name filled in per turn.
extension Linker {
    /// Links every language of `text`, and checks that it reads easily.
    mutating func link(_ text: inout LocalizedText) {
        for index in text.translations.indices {
            let translation = text.translations[index]
            let raw = translation.raw, language = translation.language, origin = translation.origin
            if !PlaceholderParser.hasBraces(raw) {
                text.translations[index].form = .plain
            } else if let parts = link(raw, language: language, at: origin, facts: &text.facts) {
                text.translations[index].form = .segments(parts)
            } else {
                continue
            }
            ReadabilityChecker(limits: context.readability).report(raw, language: language, at: origin, context: context)
        }
    }

    /// The segments of one language's text, or nil when a placeholder is broken.
    private mutating func link(_ raw: String, language: String, at origin: Origin, facts: inout Set<String>) -> [LocalizedText.Segment]? {
        let parsed = PlaceholderParser.parse(raw)
        var parts: [LocalizedText.Segment] = []
        var literal = ""
        var factsUsed: [(fact: String, isYear: Bool)] = []
        for piece in parsed.pieces {
            switch piece {
            case .literal(let text):
                literal += text
            case .placeholder(let name, let offset):
                if let dot = name.firstIndex(of: ".") {
                    let factID = String(name[..<dot])
                    let field = String(name[name.index(after: dot)...])
                    guard let value = factField(factID, field, placeholder: name, language: language, at: origin, offset: offset) else { continue }
                    literal += value
                    factsUsed.append((factID, field == "year"))
                    facts.insert(factID)
                } else if bundle.variables[name] != nil {
                    usedVariables.insert(name)
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    parts.append(.variable(name))
                } else {
                    context.report(.placeholderNamesNothing(name, suggestion: Suggestion.closest(to: name, among: bundle.variables.keys)),
                                   at: context.inString(origin, at: offset))
                }
            }
        }
        if let brokenAt = parsed.brokenAt {
            context.report(.brokenPlaceholder(language: language), at: context.inString(origin, at: brokenAt))
            return nil
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        reportYearlyFactsWithoutYear(factsUsed, language: language, at: origin)
        return parts
    }

    /// A fact's field as text in `language`, or nil (reported) when the fact or field is unknown.
    /// The placeholder's place in the file (`offset` scalars into the string at `origin`) is
    /// worked out only for a report: it reads the file.
    private mutating func factField(_ factID: String, _ field: String, placeholder: String, language: String,
                                    at origin: Origin, offset: Int) -> String? {
        guard let fact = bundle.facts[factID] else {
            if !context.mayBeMissing("fact", factID) {
                context.report(.unknown(.fact, factID, place: "in placeholder {\(placeholder)}", suggestion: Suggestion.closest(to: factID, among: bundle.facts.keys)),
                               at: context.inString(origin, at: offset))
            }
            return nil
        }
        usedFacts.insert(factID)
        if let value = fact.fields[field] { return value.formatted(decimalSeparator: bundle.pack(language).decimalSeparator) }
        if let localized = fact.localizedFields[field] { return localized.raw(language) ?? "" }
        context.report(.unknownFactField(fact: factID, field: field, suggestion: Suggestion.closest(to: field, among: Array(fact.fields.keys) + Array(fact.localizedFields.keys))),
                       at: context.inString(origin, at: offset))
        return nil
    }

    /// A yearly figure must say its year in the same text.
    private func reportYearlyFactsWithoutYear(_ used: [(fact: String, isYear: Bool)], language: String, at origin: Origin) {
        let yearly = Set(used.filter { bundle.facts[$0.fact]?.fields["year"] != nil && !$0.isYear }.map(\.fact))
        let withYear = Set(used.filter(\.isYear).map(\.fact))
        for fact in yearly.subtracting(withYear).sorted() {
            context.report(.yearlyFactWithoutYear(language: language, fact: fact), at: origin)
        }
    }
}
