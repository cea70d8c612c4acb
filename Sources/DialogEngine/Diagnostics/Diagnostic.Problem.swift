extension Diagnostic {
    /// What a loader or checker found, as data: the subject, what was expected and found, and a
    /// suggestion, without words. Report sites say only what they found; the sentences for every
    /// problem, and its code, are written once, in `Diagnostic.Problem+Words.swift`.
    ///
    /// A `subject` is the thing as a reader would name it ("the flow id", "node 'ask'"), made by
    /// the loader that knows where it is. A `suggestion` is a name that was probably meant; it
    /// becomes "did you mean '…'?".
    enum Problem: Sendable, Equatable {
        // Files
        case invalidJSON(String)
        case missingFile(String)
        case noFlows

        // Values of the wrong shape
        /// "subject must be expected, not found": a subject of nil reads "expected …", a found of
        /// nil leaves out ", not …".
        case wrongType(String?, expected: String, found: String?)
        case wrongTextShape(String, found: String, languages: [String]?)
        case missingField(String, field: String, purpose: String? = nil, kinds: [String]? = nil)
        case empty(String)
        case emptyText(language: String, of: String)
        case emptyMessage(String)
        case duplicateKey(String, in: String)
        case definedTwice(kind: String, id: String)
        case unknownField(String, in: String, allowed: [String], suggestion: String?)
        case unknownList(String, in: String, allowed: [String], suggestion: String?)
        case invalidID(String, id: String)
        case invalidVariableName(String)
        case notALanguageCode(String, examples: [String])
        case notADate(String)
        case badURL(of: String)
        case minimumAboveMaximum(minimum: String, maximum: String)
        case afterFailuresOutOfRange(lowest: Int, highest: Int, found: String)
        case contactWithoutSources

        // Languages and translations
        case undeclaredLanguage(in: String, entries: Entries, language: String, declared: [String], suggestion: String?)
        case undeclaredDefaultLanguage(String, suggestion: String?)
        case packForUndeclaredLanguage(String, file: String)
        case packForOtherLanguage(file: String, language: String, named: String)
        case packWithoutDecimalSeparator(String)
        case noLanguagePack(String, shipped: String, folder: String)
        case missingPackMessage(language: String, key: String, english: String)
        case packPlaceholders(key: String, found: String, expected: String)
        case missingText(of: String, language: String)
        case languageListedTwice(String)
        case languageDeclaredAndTranslating(String)

        // Names
        /// "unknown kind 'name' place": a flow, node, variable, fact or source that does not exist;
        /// for a kind or type, the names that are allowed.
        case unknown(Name, String, place: String? = nil, suggestion: String?, allowed: [String]? = nil)
        case unknownFactField(fact: String, field: String, suggestion: String?)
        case unknownFactSource(fact: String, source: String, suggestion: String?)
        case unknownEntryFlow(String, suggestion: String?)
        case unknownMenuNode(String, suggestion: String?)
        case menuNotAQuestion(String)
        case menuWithoutFlow
        case placeholderNamesNothing(String, suggestion: String?)
        case brokenPlaceholder(language: String)
        case idUsedTwice(kind: String, id: String, in: String?, firstLine: Int? = nil)
        case flowInTwoFiles(String, first: String, second: String)
        case variableDeclaredTwice(String, firstFile: String, firstLine: Int)

        // Nodes and flows
        case flowWithoutNodes(String)
        case noNext(kind: String, node: String)
        case branchWithoutElse(String)
        case choiceWithoutTarget(choice: String, node: String)
        case planItemWithoutSources
        case fillNeedsChoices
        case fillYesNoNeedsPhrases
        case fillUnknownAnswer(String, of: String, suggestion: String?)
        case flowWithoutTriggers(String, languages: [String])
        case interruptWithoutTriggers(String, language: String)
        case expressionSyntax(String, in: String)

        // Types
        case notAValueOfVariable(kind: String, value: String, variable: String, type: String)
        case notAValue(String, of: String, suggestion: String?)
        case defaultNotAValue(String, of: String)
        case defaultOfWrongType(of: String, given: String, declared: String)
        case questionStoresText(variable: String, type: String)
        case inputGivesOtherType(variable: String, type: String, produced: String)
        case conditionNotTrueOrFalse(String, type: String)
        case valueOfWrongType(String, type: String, expected: String)
        case expressionType(String, in: String, hint: String?)

        // Texts and matching
        case longSentence(language: String, words: Int, limit: Int)
        case longText(language: String, words: Int, limit: Int)
        case yearlyFactWithoutYear(language: String, fact: String)
        case sharedSynonym(String, first: String, second: String, node: String)
        case sharedExample(String, kind: String, owner: String)
        case examplesMissingLanguage(owner: String, languages: [String])

        // The graph
        case unreachable(node: String)
        case callCycle([String], back: String)
        case loopWithoutInput([String])
        case readBeforeSet(variable: String, node: String)
        case noSources(kind: String, node: String)
        case unused(Declaration, String)
    }

    /// The kinds of name an "unknown …" problem is about.
    enum Name: String, Sendable {
        case flow, node, source, variable, fact
        case nodeKind = "node kind"
        case inputType = "input type"
        case type
    }

    /// What a language key holds where the manifest does not declare the language.
    enum Entries: String, Sendable {
        case text, phrases
    }

    /// The kinds of declaration that can go unused.
    enum Declaration: Sendable {
        case source, fact, variable
    }
}

extension Diagnostic {
    /// A diagnostic of `problem`'s code, worded by the problem.
    init(_ problem: Problem, file: String, location: SourceLocation? = nil, path: String? = nil) {
        self.init(code: problem.code, file: file, location: location, path: path, message: problem.message, hint: problem.hint)
    }
}
