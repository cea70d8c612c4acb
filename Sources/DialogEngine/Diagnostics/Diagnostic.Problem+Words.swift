/// The words of every diagnostic, in one place: its code, the sentence that says what is wrong,
/// and the hint that says what to do. The broken-bundle fixtures pin each sentence.
extension Diagnostic.Problem {
    /// "did you mean 'x'?": the one way a suggestion is said.
    static func didYouMean(_ name: String) -> String { "did you mean '\(name)'?" }

    var code: DiagnosticCode {
        switch self {
        case .invalidJSON: .invalidJSON
        case .missingFile, .noFlows: .missingFile
        case .wrongType, .wrongTextShape: .wrongType
        case .missingField, .flowWithoutNodes, .packWithoutDecimalSeparator: .missingField
        case .duplicateKey, .definedTwice: .duplicateKey
        case .unknownField, .unknownList: .unknownField
        case .empty, .emptyText, .emptyMessage, .invalidID, .invalidVariableName, .notALanguageCode, .notADate,
             .badURL, .minimumAboveMaximum, .afterFailuresOutOfRange, .contactWithoutSources, .packForOtherLanguage, .menuNotAQuestion,
             .menuWithoutFlow, .planItemWithoutSources, .fillNeedsChoices, .fillYesNoNeedsPhrases, .fillUnknownAnswer:
            .invalidValue
        case .undeclaredLanguage, .undeclaredDefaultLanguage, .packForUndeclaredLanguage: .undeclaredLanguage
        case .noLanguagePack, .missingPackMessage, .missingText: .missingTranslation
        case .packPlaceholders, .placeholderNamesNothing, .brokenPlaceholder: .badPlaceholder
        case .languageListedTwice, .languageDeclaredAndTranslating, .idUsedTwice, .flowInTwoFiles, .variableDeclaredTwice: .duplicateID
        case .unknown(let name, _, _, _, _):
            switch name {
            case .flow: .unknownFlow
            case .node: .unknownNode
            case .source: .unknownSource
            case .variable: .unknownVariable
            case .fact: .unknownFact
            case .nodeKind: .unknownNodeKind
            case .inputType, .type: .invalidValue
            }
        case .unknownFactField: .unknownFact
        case .unknownFactSource: .unknownSource
        case .unknownEntryFlow: .unknownFlow
        case .unknownMenuNode: .unknownNode
        case .noNext, .branchWithoutElse: .noWayOn
        case .choiceWithoutTarget: .choiceWithoutTarget
        case .flowWithoutTriggers, .interruptWithoutTriggers: .noTriggers
        case .expressionSyntax: .expressionSyntax
        case .notAValueOfVariable, .notAValue, .defaultNotAValue, .defaultOfWrongType, .questionStoresText, .inputGivesOtherType,
             .conditionNotTrueOrFalse, .valueOfWrongType, .expressionType:
            .typeMismatch
        case .longSentence, .longText: .longText
        case .yearlyFactWithoutYear: .yearlyFactWithoutYear
        case .sharedSynonym: .sharedSynonym
        case .sharedExample: .sharedExample
        case .examplesMissingLanguage: .examplesMissingLanguage
        case .unreachable: .unreachableNode
        case .callCycle: .callCycle
        case .loopWithoutInput: .cycleWithoutInput
        case .readBeforeSet: .readBeforeSet
        case .noSources: .noSources
        case .unused: .unusedDeclaration
        }
    }

    /// What is wrong, in one sentence.
    var message: String {
        switch self {
        case .invalidJSON(let message): message
        case .missingFile(let file): "the bundle has no \(file)"
        case .noFlows: "the bundle has no flows"
        case .wrongType(let subject, let expected, let found):
            (subject.map { "\($0) must be \(expected)" } ?? "expected \(expected)") + (found.map { ", not \($0)" } ?? "")
        case .wrongTextShape(let subject, let found, _): "\(subject) must be an object with one text per language, not \(found)"
        case .missingField(let subject, let field, let purpose, _): "\(subject) needs '\(field)'" + (purpose.map { ": \($0)" } ?? "")
        case .empty(let subject): "\(subject) must not be empty"
        case .emptyText(let language, let subject): "the '\(language)' text of \(subject) is empty"
        case .emptyMessage(let key): "the message '\(key)' is empty"
        case .duplicateKey(let key, let subject): "'\(key)' appears more than once in \(subject)"
        case .definedTwice(let kind, let id): "\(kind) '\(id)' is defined twice"
        case .unknownField(let key, let subject, _, _): "unknown field '\(key)' in \(subject)"
        case .unknownList(let key, let subject, _, _): "\(subject) has no list '\(key)'"
        case .invalidID(let subject, let id): "\(subject) '\(id)' is not a valid id"
        case .invalidVariableName(let name): "variable name '\(name)' is not valid"
        case .notALanguageCode(let code, _): "'\(code)' is not a language code"
        case .notADate(let text): "'\(text)' is not a date"
        case .badURL(let subject): "the url of \(subject) must start with https:// or http://"
        case .minimumAboveMaximum(let minimum, let maximum): "'min' (\(minimum)) is above 'max' (\(maximum))"
        case .afterFailuresOutOfRange(let lowest, let highest, let found): "'afterFailures' must be a whole number from \(lowest) to \(highest), not \(found)"
        case .contactWithoutSources: "'sources' must name where the contact details come from"
        case .undeclaredLanguage(let subject, let entries, let language, _, _): "\(subject) has \(entries.rawValue) in '\(language)', which the manifest does not declare"
        case .undeclaredDefaultLanguage(let language, _): "the default language '\(language)' is not in 'languages'"
        case .packForUndeclaredLanguage(let language, _): "the language pack '\(language)' is for a language the manifest does not declare"
        case .packForOtherLanguage(let file, let language, _): "the pack in \(file) is for '\(language)'"
        case .packWithoutDecimalSeparator(let language): "the language pack '\(language)' has no 'decimalSeparator'"
        case .noLanguagePack(let language, let shipped, let folder):
            "the language '\(language)' has no language pack: the engine ships only \(shipped), and the bundle has no \(folder)\(language).json"
        case .missingPackMessage(let language, let key, _): "the language pack '\(language)' has no message '\(key)'"
        case .packPlaceholders(let key, let found, let expected): "the message '\(key)' uses \(found) where the engine fills in \(expected)"
        case .missingText(let subject, let language): "\(subject) has no '\(language)' text"
        case .languageListedTwice(let language): "language '\(language)' is listed twice"
        case .languageDeclaredAndTranslating(let language): "language '\(language)' is in both 'languages' and 'translating'"
        case .unknown(let name, let written, let place, _, _): "unknown \(name.rawValue) '\(written)'" + (place.map { " \($0)" } ?? "")
        case .unknownFactField(let fact, let field, _): "fact '\(fact)' has no field '\(field)'"
        case .unknownFactSource(let fact, let source, _): "fact '\(fact)' names unknown source '\(source)'"
        case .unknownEntryFlow(let flow, _): "the entry flow '\(flow)' does not exist"
        case .unknownMenuNode(let node, _): "the menu node '\(node)' does not exist"
        case .menuNotAQuestion(let menu): "the menu '\(menu)' must be an ask node"
        case .menuWithoutFlow: "'menu' must name a flow and a node, such as 'welcome:menu'"
        case .placeholderNamesNothing(let name, _): "placeholder {\(name)} names no variable"
        case .brokenPlaceholder(let language): "unclosed or empty placeholder in the '\(language)' text"
        case .idUsedTwice(let kind, let id, let place, _): "\(kind) id '\(id)' is used twice" + (place.map { " in \($0)" } ?? "")
        case .flowInTwoFiles(let id, let first, let second): "flow id '\(id)' is used by two files: \(first) and \(second)"
        case .variableDeclaredTwice(let name, _, _): "variable '\(name)' is declared twice"
        case .flowWithoutNodes(let flow): "flow '\(flow)' has no nodes to start at"
        case .noNext(let kind, let node): "\(kind) node '\(node)' has no 'next'"
        case .branchWithoutElse(let node): "branch '\(node)' has no 'else': when no case holds, the conversation would stop"
        case .choiceWithoutTarget(let choice, let node): "choice '\(choice)' of node '\(node)' leads nowhere"
        case .planItemWithoutSources: "a plan item must name at least one source"
        case .fillNeedsChoices: "only choices, yes/no and oneOf questions can be filled from earlier answers"
        case .fillYesNoNeedsPhrases: "a yes/no question fills only from phrases: write \"fill\": {\"yes\": {...}, \"no\": {...}}"
        case .fillUnknownAnswer(let answer, let subject, _): "'fill' names the answer '\(answer)', which \(subject) does not have"
        case .flowWithoutTriggers(let flow, let languages): "flow '\(flow)' has no trigger phrases in \(Self.quotedList(languages))"
        case .interruptWithoutTriggers(let interrupt, let language): "interrupt '\(interrupt)' has no '\(language)' triggers"
        case .expressionSyntax(let message, let text): "\(message) in '\(text)'"
        case .notAValueOfVariable(let kind, let value, let variable, let type): "\(kind) '\(value)' is not one of the values of variable '\(variable)' (\(type))"
        case .notAValue(let value, let type, _): "'\(value)' is not one of the values of \(type)"
        case .defaultNotAValue(let value, let subject): "the default '\(value)' is not one of the values of \(subject)"
        case .defaultOfWrongType(let subject, let given, let declared): "the default of \(subject) is \(given), but the variable is \(declared)"
        case .questionStoresText(let variable, let type): "variable '\(variable)' is \(type), but a question stores the chosen id, a text"
        case .inputGivesOtherType(let variable, let type, let produced): "variable '\(variable)' is \(type), but this input gives \(produced)"
        case .conditionNotTrueOrFalse(let text, let type): "a condition must be true or false, but '\(text)' is \(type)"
        case .valueOfWrongType(let text, let type, let expected): "'\(text)' is \(type), but the variable is \(expected)"
        case .expressionType(let message, let text, _): "\(message) in '\(text)'"
        case .longSentence(let language, let words, let limit): "a sentence of the '\(language)' text has \(words) words (at most \(limit) read easily)"
        case .longText(let language, let words, let limit): "the '\(language)' text has \(words) words (at most \(limit) read easily)"
        case .yearlyFactWithoutYear(let language, let fact): "the '\(language)' text uses '\(fact)' without saying its year"
        case .sharedSynonym(let phrase, let first, let second, let node): "the phrase '\(phrase)' leads to both '\(first)' and '\(second)' in node '\(node)'"
        case .sharedExample(let example, let kind, let owner): "the example '\(example)' is also a \(kind) of \(owner)"
        case .examplesMissingLanguage(let owner, let languages): "\(owner) has no examples in \(Self.quotedList(languages))"
        case .unreachable(let node): "node '\(node)' can never be reached"
        case .callCycle(let flows, _): "flows call each other in a circle: \(flows.joined(separator: " -> "))"
        case .loopWithoutInput(let nodes): "nodes loop without waiting for input: \(nodes.joined(separator: " -> "))"
        case .readBeforeSet(let variable, _): "variable '\(variable)' may be read before it is set"
        case .noSources(let kind, let node): "\(kind) node '\(node)' names no sources"
        case .unused(.source, let id): "source '\(id)' is never cited"
        case .unused(.fact, let id): "fact '\(id)' is never used"
        case .unused(.variable, let name): "variable '\(name)' is never used"
        }
    }

    /// What to do about it, when there is something to say.
    var hint: String? {
        switch self {
        case .missingFile(let file):
            file == ManifestLoader.file ? "create manifest.json with id, version, languages, defaultLanguage, entry and menu"
                : "create \(file) (it may be empty: {\"\(file.dropLast(5))\": {}})"
        case .noFlows: "add at least one flow file under flows/"
        case .wrongTextShape(_, _, let languages):
            languages.map { "write one entry per language, e.g. {\($0.map { "\"\($0)\": \"...\"" }.joined(separator: ", "))}" }
        case .missingField(_, _, _, let kinds): kinds.map { "one of: \($0.joined(separator: ", "))" }
        case .duplicateKey: "remove or rename one of them"
        case .unknownField(_, _, let allowed, let suggestion): Self.suggesting(suggestion, or: "allowed here: \(allowed.joined(separator: ", "))")
        case .unknownList(_, _, let allowed, let suggestion): Self.suggesting(suggestion, or: "lists: \(allowed.joined(separator: ", "))")
        case .invalidID: "use lower-case letters, digits, '_' and '-', starting with a letter"
        case .invalidVariableName: "use lower-case letters, digits and '_', starting with a letter"
        case .notALanguageCode(_, let examples): "use a two-letter code such as \(examples.map { "'\($0)'" }.joined(separator: " or "))"
        case .notADate: "write the date as YYYY-MM-DD"
        case .afterFailuresOutOfRange: "3 hands off after three turns in a row that were not understood"
        case .contactWithoutSources: "add the id of a source in sources.json"
        case .undeclaredLanguage(_, let entries, _, let declared, let suggestion):
            // Texts list the declared languages when nothing is close; phrase lists do not.
            Self.suggesting(suggestion, or: entries == .text ? "declared languages: \(declared.joined(separator: ", "))" : nil)
        case .undeclaredDefaultLanguage(_, let suggestion): Self.suggesting(suggestion)
        case .packForUndeclaredLanguage(let language, let file): "add '\(language)' to the manifest's languages, or remove \(file)"
        case .packForOtherLanguage(_, let language, let named): "name the file languages/\(language).json, or write \"language\": \"\(named)\""
        case .packWithoutDecimalSeparator: "add \"decimalSeparator\": \".\" (or \",\")"
        case .noLanguagePack(let language, _, let folder):
            "add \(folder)\(language).json with the engine's messages and words in '\(language)' (docs/authoring.md, \"Adding a language\")"
        case .missingPackMessage(_, let key, let english): "add \"\(key)\": \"...\" (in English: \"\(english)\")"
        case .packPlaceholders: "keep each {name} as it is written in English"
        case .missingText(_, let language): "add \"\(language)\": \"...\""
        case .languageDeclaredAndTranslating: "a language is in 'translating' until every text has it; then it moves to 'languages'"
        case .unknown(.variable, _, _, let suggestion, _): Self.suggesting(suggestion, or: "declare it under \"variables\" in a flow")
        case .unknown(_, _, _, let suggestion, let allowed?): Self.suggesting(suggestion, or: "use one of: \(allowed.joined(separator: ", "))")
        case .unknown(_, _, _, let suggestion, nil), .unknownFactField(_, _, let suggestion), .unknownFactSource(_, _, let suggestion),
             .unknownEntryFlow(_, let suggestion), .unknownMenuNode(_, let suggestion), .fillUnknownAnswer(_, _, let suggestion),
             .notAValue(_, _, let suggestion):
            Self.suggesting(suggestion)
        case .placeholderNamesNothing(_, let suggestion): Self.suggesting(suggestion, or: "write {variable} or {fact.field}")
        case .brokenPlaceholder: "write {variable} or {fact.field}; write {{ for a literal brace"
        case .idUsedTwice(_, _, _, let firstLine): firstLine.map { "the first is at line \($0); rename one of them" }
        case .flowInTwoFiles: "each flow needs its own id: rename this one, or remove the copy"
        case .variableDeclaredTwice(_, let file, let line): "variables are shared by all flows; the first declaration is in \(file) line \(line)"
        case .noNext: "add \"next\": the node to continue with, or make it an \"end\" node"
        case .branchWithoutElse: "add \"else\": the node to go to when no case holds"
        case .choiceWithoutTarget: "add \"next\": the node this choice leads to"
        case .flowWithoutTriggers(_, let languages):
            "add \"triggers\": {\"\(languages[0])\": [\"...\"]}, or set \"listed\": false for a flow reached only from other flows"
        case .expressionType(_, _, let hint): hint
        case .longSentence: "split it into shorter sentences"
        case .longText: "split it into two messages, or put the rest behind a choice such as 'Tell me more'"
        case .yearlyFactWithoutYear(_, let fact): "add {\(fact).year} to the text"
        case .sharedSynonym: "keep the phrase on one choice"
        case .sharedExample: "keep it in one place, or reword it so it says which one is meant"
        case .examplesMissingLanguage: "write whole messages the way people type them; each language is learned from its own examples"
        case .unreachable: "link to it from another node, or remove it"
        case .callCycle(_, let back): "a call comes back only when the called flow ends; to go back to '\(back)', use 'goto' instead of 'call'"
        case .loopWithoutInput: "put an ask or input node in the loop, or break it"
        case .readBeforeSet(_, let node): "set it on every path to node '\(node)', or give it a \"default\""
        case .noSources: "add \"sources\": [\"...\"], or \"sources\": [] if it states no facts"
        case .invalidJSON, .wrongType, .empty, .emptyText, .emptyMessage, .definedTwice, .badURL, .minimumAboveMaximum, .menuNotAQuestion,
             .menuWithoutFlow, .planItemWithoutSources, .fillNeedsChoices, .fillYesNoNeedsPhrases, .interruptWithoutTriggers,
             .expressionSyntax, .notAValueOfVariable, .defaultNotAValue, .defaultOfWrongType, .questionStoresText,
             .inputGivesOtherType, .conditionNotTrueOrFalse, .valueOfWrongType, .languageListedTwice, .flowWithoutNodes, .unused:
            nil
        }
    }

    private static func suggesting(_ suggestion: String?, or otherwise: String? = nil) -> String? {
        suggestion.map(didYouMean) ?? otherwise
    }

    private static func quotedList(_ items: [String]) -> String {
        items.map { "'\($0)'" }.joined(separator: ", ")
    }
}
