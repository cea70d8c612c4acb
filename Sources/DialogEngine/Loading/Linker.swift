/// Resolves every name in a freshly read bundle: node and flow references, sources, variables,
/// facts in placeholders and conditions. Reports each unknown name with a suggestion.
struct Linker {
    let context: LoadContext
    var bundle: CompiledBundle
    private(set) var usedSources = Set<String>()
    private(set) var usedFacts = Set<String>()
    private(set) var usedVariables = Set<String>()
    /// Per flow, its node ids prepared for suggestions, built at the first unknown node.
    private var nodeSuggestions: [Int: SuggestionIndex] = [:]
    private var variableSuggestions: SuggestionIndex?
    private var sourceSuggestions: SuggestionIndex?
    /// How many more unknown names get a "did you mean": a bundle with thousands of unknown
    /// names has bigger problems than typos, and searching for each would make checking it slow.
    private var suggestionsLeft = 200

    /// Checks conditions and values against the declared variables and facts; made once, as
    /// a bundle can have thousands of conditions.
    private let checker: ExpressionChecker

    init(context: LoadContext, bundle: CompiledBundle) {
        self.context = context
        self.bundle = bundle
        let words = bundle.indexWords
        checker = ExpressionChecker(variableTypes: bundle.variables.mapValues(\.type), facts: bundle.facts.mapValues(\.fields),
                                    yesOrNo: { words.interpretYesNo(TextNormalizer.words($0)) })
    }

    mutating func link() {
        for (index, flow) in bundle.flows.enumerated() {
            bundle.flowIndex[flow.id] = index
        }
        for (index, node) in bundle.nodes.enumerated() {
            bundle.nodeIndex["\(bundle.flows[node.flow].id):\(node.id)"] = index
        }
        for index in bundle.flows.indices {
            var flow = bundle.flows[index]
            if flow.start.written.isEmpty {
                context.report(.missingField, "flow '\(flow.id)' has no nodes to start at", at: flow.origin)
            } else {
                resolve(&flow.start, inFlow: index)
            }
            link(&flow.title)
            bundle.flows[index] = flow
        }
        for index in bundle.nodes.indices {
            var node = bundle.nodes[index]
            linkNode(&node)
            bundle.nodes[index] = node
        }
        if var title = bundle.title {
            link(&title)
            bundle.title = title
        }
        for index in bundle.interrupts.indices {
            var interrupt = bundle.interrupts[index]
            for message in interrupt.messages.indices { link(&interrupt.messages[message]) }
            checkSources(interrupt.sources, at: interrupt.origin)
            bundle.interrupts[index] = interrupt
        }
        if var handoff = bundle.handoff {
            for reason in handoff.reasons.keys {
                for index in handoff.reasons[reason, default: []].indices { link(&handoff.reasons[reason]![index]) }
            }
            for index in handoff.contact.indices { link(&handoff.contact[index]) }
            for (offset, id) in handoff.sources.enumerated() { checkSources([id], at: handoff.sourceOrigins[safe: offset] ?? handoff.origin) }
            bundle.handoff = handoff
        }
        for fact in bundle.facts.values {
            if bundle.sources[fact.source] == nil {
                if context.mayBeMissing("source", fact.source) { continue }
                context.report(.unknownSource, "fact '\(fact.id)' names unknown source '\(fact.source)'", at: fact.sourceOrigin,
                               hint: Suggestion.hint(for: fact.source, among: bundle.sources.keys))
            } else {
                usedSources.insert(fact.source)
            }
        }
        buildIndexes()
        reportUnused()
    }

    // MARK: Nodes

    private mutating func linkNode(_ node: inout Node) {
        let flow = node.flow
        for index in node.messages.indices { link(&node.messages[index]) }
        if let sources = node.sources, let origin = node.sourcesOrigin { checkSources(sources, at: origin) }
        switch node.kind {
        case .say(var next):
            resolveNext(&next, of: node, inFlow: flow)
            node.kind = .say(next: next)
        case .ask(var question):
            link(&question.text)
            if let noMatch = question.noMatch {
                var text = noMatch
                link(&text)
                question.noMatch = text
            }
            if let variable = question.variable, let origin = question.variableOrigin {
                if let declaration = lookUpVariable(variable, at: origin) {
                    let ids = question.choices.map(\.id)
                    switch declaration.type {
                    case .text: break
                    case .oneOf(let allowed):
                        for id in ids where !allowed.contains(id) {
                            context.report(.typeMismatch, "choice id '\(id)' is not one of the values of variable '\(variable)' (\(declaration.type))", at: origin)
                        }
                    default:
                        context.report(.typeMismatch, "variable '\(variable)' is \(declaration.type), but a question stores the chosen id, a text", at: origin)
                    }
                }
            }
            for index in question.choices.indices {
                var choice = question.choices[index]
                link(&choice.label)
                if choice.next.written.isEmpty {
                    context.report(.choiceWithoutTarget, "choice '\(choice.id)' of node '\(node.id)' leads nowhere", at: choice.origin,
                                   hint: "add \"next\": the node this choice leads to")
                } else {
                    resolve(&choice.next, inFlow: flow)
                }
                for assignment in choice.assignments.indices { link(&choice.assignments[assignment]) }
                question.choices[index] = choice
            }
            node.kind = .ask(question)
        case .input(var input):
            link(&input.question)
            if let invalid = input.invalid {
                var text = invalid
                link(&text)
                input.invalid = text
            }
            if let declaration = lookUpVariable(input.variable, at: input.variableOrigin) {
                let produced: ValueType
                switch input.type {
                case .yesNo: produced = .bool
                case .number: produced = .number
                case .text: produced = .text
                case .oneOf(let options):
                    produced = .text
                    if case .oneOf(let allowed) = declaration.type {
                        for option in options where !allowed.contains(option.value) {
                            context.report(.typeMismatch, "option '\(option.value)' is not one of the values of variable '\(input.variable)' (\(declaration.type))", at: input.variableOrigin)
                        }
                    }
                }
                if produced != declaration.type.base {
                    context.report(.typeMismatch, "variable '\(input.variable)' is \(declaration.type), but this input gives \(produced)", at: input.variableOrigin)
                }
            }
            if case .oneOf(var options) = input.type {
                for index in options.indices { link(&options[index].label) }
                input.type = .oneOf(options)
            }
            resolveNext(&input.next, of: node, inFlow: flow)
            node.kind = .input(input)
        case .branch(var cases, var otherwise):
            for index in cases.indices {
                link(&cases[index].condition, expecting: .bool)
                resolve(&cases[index].next, inFlow: flow)
            }
            if otherwise.written.isEmpty {
                context.report(.noWayOn, "branch '\(node.id)' has no 'else': when no case holds, the conversation would stop", at: node.origin,
                               hint: "add \"else\": the node to go to when no case holds")
            } else {
                resolve(&otherwise, inFlow: flow)
            }
            node.kind = .branch(cases: cases, otherwise: otherwise)
        case .goto(var target):
            if !target.written.isEmpty { resolve(&target, inFlow: flow) }
            node.kind = .goto(target)
        case .call(var callee, var next):
            if !callee.written.isEmpty {
                if let index = bundle.flowIndex[callee.written] {
                    callee.target = index
                } else if !context.mayBeMissing("flow", callee.written) {
                    context.report(.unknownFlow, "unknown flow '\(callee.written)'", at: callee.origin,
                                   hint: Suggestion.hint(for: callee.written, among: bundle.flowIndex.keys))
                }
            }
            resolveNext(&next, of: node, inFlow: flow)
            node.kind = .call(flow: callee, next: next)
        case .set(var assignments, var next):
            for index in assignments.indices { link(&assignments[index]) }
            resolveNext(&next, of: node, inFlow: flow)
            node.kind = .set(assignments, next: next)
        case .plan(var item, var next):
            link(&item.text)
            checkSources(item.sources, at: item.origin)
            resolveNext(&next, of: node, inFlow: flow)
            node.kind = .plan(item, next: next)
        case .end:
            break
        }
        var cited = node.sources ?? []
        if case .plan(let item, _) = node.kind { cited += item.sources }
        for text in node.texts {
            for fact in text.facts.sorted() {
                if let source = bundle.facts[fact]?.source, !cited.contains(source) { cited.append(source) }
            }
        }
        node.citedSources = cited.filter { bundle.sources[$0] != nil }
    }

    private mutating func resolveNext(_ reference: inout NodeReference, of node: Node, inFlow flow: Int) {
        if reference.written.isEmpty {
            context.report(.noWayOn, "\(node.kindName) node '\(node.id)' has no 'next'", at: node.origin,
                           hint: "add \"next\": the node to continue with, or make it an \"end\" node")
        } else {
            resolve(&reference, inFlow: flow)
        }
    }

    private mutating func resolve(_ reference: inout NodeReference, inFlow flow: Int) {
        let flowID = reference.flow ?? bundle.flows[flow].id
        guard let targetFlow = bundle.flowIndex[flowID] else {
            if context.mayBeMissing("flow", flowID) { return }
            context.report(.unknownFlow, "unknown flow '\(flowID)' in '\(reference.written)'", at: reference.origin,
                           hint: Suggestion.hint(for: flowID, among: bundle.flowIndex.keys))
            return
        }
        let nodeID = reference.node
        if let index = bundle.nodeIndex["\(flowID):\(nodeID)"] {
            reference.target = index
            return
        }
        if context.mayBeMissing("node", "\(flowID):\(nodeID)") { return }
        if nodeSuggestions[targetFlow] == nil {
            nodeSuggestions[targetFlow] = SuggestionIndex(bundle.nodes[bundle.flows[targetFlow].nodes].map(\.id))
        }
        let place = reference.flow == nil ? "this flow" : "flow '\(flowID)'"
        context.report(.unknownNode, "unknown node '\(nodeID)' in \(place)", at: reference.origin,
                       hint: suggestion(for: nodeID, in: nodeSuggestions[targetFlow]))
    }

    // MARK: Names in texts and expressions

    private mutating func lookUpVariable(_ name: String, at origin: Origin) -> VariableDeclaration? {
        if let declaration = bundle.variables[name] {
            usedVariables.insert(name)
            return declaration
        }
        context.report(.unknownVariable, "unknown variable '\(name)'", at: origin,
                       hint: variableSuggestion(for: name) ?? "declare it under \"variables\" in a flow")
        return nil
    }

    private mutating func variableSuggestion(for name: String) -> String? {
        if variableSuggestions == nil { variableSuggestions = SuggestionIndex(bundle.variables.keys) }
        return suggestion(for: name, in: variableSuggestions)
    }

    /// "did you mean ...?" for `name`, while the budget of suggestions lasts.
    private mutating func suggestion(for name: String, in index: SuggestionIndex?) -> String? {
        guard suggestionsLeft > 0, let index else { return nil }
        suggestionsLeft -= 1
        return index.closest(to: name).map { "did you mean '\($0)'?" }
    }

    private mutating func checkSources(_ ids: [String], at origin: Origin) {
        for id in ids {
            if bundle.sources[id] == nil {
                if context.mayBeMissing("source", id) { continue }
                if sourceSuggestions == nil { sourceSuggestions = SuggestionIndex(bundle.sources.keys) }
                context.report(.unknownSource, "unknown source '\(id)'", at: origin, hint: suggestion(for: id, in: sourceSuggestions))
            } else {
                usedSources.insert(id)
            }
        }
    }

    private mutating func link(_ assignment: inout Assignment) {
        guard let declaration = lookUpVariable(assignment.variable, at: assignment.origin) else { return }
        link(&assignment.value, expecting: declaration.type)
    }

    private mutating func link(_ condition: inout Condition, expecting expected: ValueType) {
        usedFacts.formUnion(condition.expression.factsReferenced)
        switch checker.check(condition.expression) {
        case .success(let (resolved, type)):
            condition.expression = resolved
            usedVariables.formUnion(resolved.variablesRead)
            if type.base != expected.base {
                let what = expected == .bool ? "a condition must be true or false, but '\(condition.text)' is \(type)"
                    : "'\(condition.text)' is \(type), but the variable is \(expected)"
                context.report(.typeMismatch, what, at: condition.origin)
            } else if case .oneOf(let allowed) = expected, case .literal(.text(let value)) = resolved, !allowed.contains(value) {
                context.report(.typeMismatch, "'\(value)' is not one of the values of \(expected)", at: condition.origin,
                               hint: Suggestion.hint(for: value, among: allowed))
            }
        case .failure(let box):
            switch box.problem {
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

    /// Parses `{placeholders}` per language; facts become literal text, variables stay names.
    private mutating func link(_ text: inout LocalizedText) {
        var segments: [String: [LocalizedText.Segment]] = [:]
        for (language, raw) in text.raw {
            let textOrigin = text.origins[language] ?? text.origin
            // Most texts have no braces at all: one literal, nothing to parse.
            if !raw.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) {
                segments[language] = raw.isEmpty ? [] : [.literal(raw)]
                checkReadability(raw, language: language, at: textOrigin)
                continue
            }
            var parts: [LocalizedText.Segment] = []
            var literal = ""
            var factsUsed: [(String, Bool)] = []  // (fact, field is year)
            var scalars = raw.unicodeScalars[...]
            var problem: String?
            var braceOffset = 0
            while let scalar = scalars.popFirst() {
                if scalar == "{" {
                    braceOffset = raw.unicodeScalars.count - scalars.count - 1
                    if scalars.first == "{" {
                        scalars.removeFirst()
                        literal += "{"
                        continue
                    }
                    var name = ""
                    var closed = false
                    while let next = scalars.popFirst() {
                        if next == "}" {
                            closed = true
                            break
                        }
                        name.unicodeScalars.append(next)
                    }
                    guard closed, !name.isEmpty, !name.contains("{") else {
                        problem = "unclosed or empty placeholder in the '\(language)' text"
                        break
                    }
                    let trimmed = String(name.trimmingWhitespace())
                    if let dot = trimmed.firstIndex(of: ".") {
                        let factID = String(trimmed[..<dot])
                        let field = String(trimmed[trimmed.index(after: dot)...])
                        guard let fact = bundle.facts[factID] else {
                            if context.mayBeMissing("fact", factID) { continue }
                            context.report(.unknownFact, "unknown fact '\(factID)' in placeholder {\(trimmed)}", at: context.inString(textOrigin, at: braceOffset),
                                           hint: Suggestion.hint(for: factID, among: bundle.facts.keys))
                            continue
                        }
                        usedFacts.insert(factID)
                        if let value = fact.fields[field] {
                            literal += value.formatted(decimalSeparator: bundle.pack(language).decimalSeparator)
                        } else if let localized = fact.localizedFields[field] {
                            literal += localized.raw[language] ?? ""
                        } else {
                            context.report(.unknownFact, "fact '\(factID)' has no field '\(field)'", at: context.inString(textOrigin, at: braceOffset),
                                           hint: Suggestion.hint(for: field, among: Array(fact.fields.keys) + Array(fact.localizedFields.keys)).map { $0 })
                            continue
                        }
                        factsUsed.append((factID, field == "year"))
                        text.facts.insert(factID)
                    } else {
                        guard bundle.variables[trimmed] != nil else {
                            context.report(.badPlaceholder, "placeholder {\(trimmed)} names no variable", at: context.inString(textOrigin, at: braceOffset),
                                           hint: Suggestion.hint(for: trimmed, among: bundle.variables.keys) ?? "write {variable} or {fact.field}")
                            continue
                        }
                        usedVariables.insert(trimmed)
                        if !literal.isEmpty { parts.append(.literal(literal)) }
                        literal = ""
                        parts.append(.variable(trimmed))
                    }
                } else if scalar == "}" {
                    if scalars.first == "}" { scalars.removeFirst() }
                    literal += "}"
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
            if let problem {
                context.report(.badPlaceholder, problem, at: context.inString(textOrigin, at: braceOffset), hint: "write {variable} or {fact.field}; write {{ for a literal brace")
                continue
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            segments[language] = parts
            // A yearly figure must say its year in the same text.
            let yearly = Set(factsUsed.filter { bundle.facts[$0.0]?.fields["year"] != nil && !$0.1 }.map(\.0))
            let withYear = Set(factsUsed.filter(\.1).map(\.0))
            for fact in yearly.subtracting(withYear).sorted() {
                context.report(.yearlyFactWithoutYear, "the '\(language)' text uses '\(fact)' without saying its year", at: textOrigin,
                               hint: "add {\(fact).year} to the text")
            }
            checkReadability(raw, language: language, at: textOrigin)
        }
        text.segments = segments
    }

    /// Warns about a sentence or a whole text too long to read easily.
    private func checkReadability(_ raw: String, language: String, at origin: Origin) {
        let checker = ReadabilityChecker(limits: context.readability)
        let (longSentences, words) = checker.measure(raw)
        for sentence in longSentences {
            context.report(.longText, "a sentence of the '\(language)' text has \(sentence.words) words (at most \(checker.limits.sentenceWords) read easily)",
                           at: context.inString(origin, at: sentence.offset), hint: "split it into shorter sentences")
        }
        if words > checker.limits.messageWords {
            context.report(.longText, "the '\(language)' text has \(words) words (at most \(checker.limits.messageWords) read easily)", at: origin,
                           hint: "split it into two messages, or put the rest behind a choice such as 'Tell me more'")
        }
    }

    // MARK: Indexes

    private mutating func buildIndexes() {
        let words = bundle.indexWords
        bundle.interruptKeywords = KeywordSpotter(words: words)
        // In the manifest's language order, so that ties between phrases break the same way on every run.
        for (index, interrupt) in bundle.interrupts.enumerated() {
            for language in bundle.languages {
                for phrase in interrupt.triggers[language, default: []] { bundle.interruptKeywords.add(phrase, for: index) }
            }
        }
        // Split once: every yes/no question gets the same words.
        let yesPhrases = words.yes.sorted().map(Phrase.init)
        let noPhrases = words.no.sorted().map(Phrase.init)
        for (nodeIndex, node) in bundle.nodes.enumerated() {
            var phrases = PhraseIndex(words: words)
            var owner: [String: (target: Int, id: String)] = [:]
            func add(_ text: String, _ target: Int, _ id: String, _ origin: Origin) {
                let phrase = Phrase(text)
                if let other = owner[phrase.joined], other.target != target, !phrase.joined.isEmpty {
                    context.report(.sharedSynonym, "the phrase '\(text)' leads to both '\(other.id)' and '\(id)' in node '\(node.id)'", at: origin,
                                   hint: "keep the phrase on one choice")
                }
                owner[phrase.joined] = (target, id)
                phrases.add(phrase, for: target)
            }
            switch node.kind {
            case .ask(let question):
                for (index, choice) in question.choices.enumerated() {
                    for label in choice.label.raw.values { add(label, index, choice.id, choice.origin) }
                    for list in choice.synonyms.values { for synonym in list { add(synonym, index, choice.id, choice.origin) } }
                    // Sorted: the index's order breaks ties, and must not depend on a set's order.
                    if choice.id == "yes" { for phrase in yesPhrases { phrases.add(phrase, for: index, authored: false) } }
                    if choice.id == "no" { for phrase in noPhrases { phrases.add(phrase, for: index, authored: false) } }
                }
            case .input(let input):
                guard case .oneOf(let options) = input.type else { continue }
                for (index, option) in options.enumerated() {
                    for label in option.label.raw.values { add(label, index, option.value, node.origin) }
                    for list in option.synonyms.values { for synonym in list { add(synonym, index, option.value, node.origin) } }
                    phrases.add(option.value, for: index)
                }
            default:
                continue
            }
            phrases.finish()
            bundle.answerIndexes[nodeIndex] = phrases
        }
        for (nodeIndex, node) in bundle.nodes.enumerated() {
            if let fill = node.fill { bundle.fillPhrases[nodeIndex] = fillPhrases(node, fill) }
        }
    }

    /// The phrases that answer a `fill` question: its choices' labels and synonyms and the
    /// author's extra phrases, each with at least one meaningful word.
    private func fillPhrases(_ node: Node, _ fill: Fill) -> [(target: Int, phrase: [String])] {
        var answers: [(id: String, texts: [String])] = []
        let languages = bundle.languages
        let known = bundle.indexWords
        func texts(_ label: LocalizedText, _ synonyms: [String: [String]]) -> [String] {
            languages.compactMap { label.raw[$0] } + languages.flatMap { synonyms[$0, default: []] }
        }
        switch node.kind {
        case .ask(let question): answers = question.choices.map { ($0.id, texts($0.label, $0.synonyms)) }
        case .input(let input):
            switch input.type {
            case .yesNo: answers = [("yes", []), ("no", [])]
            case .oneOf(let options): answers = options.map { ($0.value, texts($0.label, $0.synonyms)) }
            default: return []
            }
        default: return []
        }
        var result: [(target: Int, phrase: [String])] = []
        // `"fill": true` trusts the labels and synonyms; a phrase table replaces them, since a
        // short synonym ("basic") is safe as an answer but not inside any sentence.
        let ownPhrases = fill.phrases.isEmpty
        for (target, answer) in answers.enumerated() {
            let extra = languages.flatMap { fill.phrases[answer.id]?[$0] ?? [] }
            for text in (ownPhrases ? answer.texts : []) + extra {
                let words = TextNormalizer.words(text)
                guard words.contains(where: { !known.stop.contains($0) }),
                      !(words.count == 1 && (known.yes.contains(words[0]) || known.no.contains(words[0]))) else { continue }
                result.append((target, words))
            }
        }
        return result
    }

    private mutating func reportUnused() {
        // A flow file or the manifest that could not be read may use any of them: say nothing
        // rather than call something unused that is not.
        guard !context.unavailable.contains("flow"), !context.unavailable.contains("manifest") else { return }
        for source in bundle.sources.values.sorted(by: { $0.id < $1.id }) where !usedSources.contains(source.id) {
            context.report(.unusedDeclaration, "source '\(source.id)' is never cited", at: source.origin)
        }
        for fact in bundle.facts.values.sorted(by: { $0.id < $1.id }) where !usedFacts.contains(fact.id) {
            context.report(.unusedDeclaration, "fact '\(fact.id)' is never used", at: fact.origin)
        }
        for variable in bundle.variables.values.sorted(by: { $0.name < $1.name }) where !usedVariables.contains(variable.name) {
            context.report(.unusedDeclaration, "variable '\(variable.name)' is never used", at: variable.origin)
        }
    }
}
