@testable import DialogEngine
import Testing

/// The words of the diagnostics no broken-bundle fixture shows: code, sentence and hint, whole.
@Suite struct DiagnosticWordsTests {
    typealias Problem = Diagnostic.Problem

    struct Case: Sendable, CustomTestStringConvertible {
        var problem: Problem
        var code: DiagnosticCode
        var message: String
        var hint: String?
        var testDescription: String { message }
    }

    static let cases: [Case] = [
        Case(problem: .notADate("2024-13"), code: .invalidValue, message: "'2024-13' is not a date", hint: "write the date as YYYY-MM-DD"),
        Case(problem: .badURL(of: "source 'zin'"), code: .invalidValue, message: "the url of source 'zin' must start with https:// or http://"),
        Case(problem: .fillYesNoNeedsPhrases, code: .invalidValue,
             message: #"a yes/no question fills only from phrases: write "fill": {"yes": {...}, "no": {...}}"#),
        Case(problem: .fillNeedsChoices, code: .invalidValue, message: "only choices, yes/no and oneOf questions can be filled from earlier answers"),
        Case(problem: .packForOtherLanguage(file: "languages/de.json", language: "fr", named: "de"), code: .invalidValue,
             message: "the pack in languages/de.json is for 'fr'", hint: #"name the file languages/fr.json, or write "language": "de""#),
        Case(problem: .packWithoutDecimalSeparator("de"), code: .missingField, message: "the language pack 'de' has no 'decimalSeparator'",
             hint: #"add "decimalSeparator": "." (or ",")"#),
        Case(problem: .languageListedTwice("nl"), code: .duplicateID, message: "language 'nl' is listed twice"),
        Case(problem: .contactWithoutSources, code: .invalidValue, message: "'sources' must name where the contact details come from",
             hint: "add the id of a source in sources.json"),
        Case(problem: .planItemWithoutSources, code: .invalidValue, message: "a plan item must name at least one source"),
        Case(problem: .fillUnknownAnswer("maybe", of: "node 'ask'", suggestion: "may"), code: .invalidValue,
             message: "'fill' names the answer 'maybe', which node 'ask' does not have", hint: "did you mean 'may'?"),
        Case(problem: .inputGivesOtherType(variable: "age", type: "text", produced: "number"), code: .typeMismatch,
             message: "variable 'age' is text, but this input gives number"),
        Case(problem: .questionStoresText(variable: "age", type: "number"), code: .typeMismatch,
             message: "variable 'age' is number, but a question stores the chosen id, a text"),
        Case(problem: .notAValueOfVariable(kind: "choice id", value: "other", variable: "plan", type: "oneOf(basic, extra)"), code: .typeMismatch,
             message: "choice id 'other' is not one of the values of variable 'plan' (oneOf(basic, extra))"),
        Case(problem: .notAValue("basc", of: "oneOf(basic, extra)", suggestion: "basic"), code: .typeMismatch,
             message: "'basc' is not one of the values of oneOf(basic, extra)", hint: "did you mean 'basic'?"),
        Case(problem: .conditionNotTrueOrFalse("age", type: "number"), code: .typeMismatch, message: "a condition must be true or false, but 'age' is number"),
        Case(problem: .valueOfWrongType("1 + 1", type: "number", expected: "text"), code: .typeMismatch, message: "'1 + 1' is number, but the variable is text"),
        Case(problem: .defaultOfWrongType(of: "variable 'age'", given: "text", declared: "number"), code: .typeMismatch,
             message: "the default of variable 'age' is text, but the variable is number"),
        Case(problem: .defaultNotAValue("gold", of: "variable 'plan'"), code: .typeMismatch, message: "the default 'gold' is not one of the values of variable 'plan'"),
        Case(problem: .wrongType(nil, expected: "a string, number or true/false", found: "an array"), code: .wrongType,
             message: "expected a string, number or true/false, not an array"),
        Case(problem: .wrongType("'year' of fact 'fee'", expected: "a number", found: nil), code: .wrongType, message: "'year' of fact 'fee' must be a number"),
        Case(problem: .missingField("variable 'plan' of type oneOf", field: "values", purpose: "the texts it may hold"), code: .missingField,
             message: "variable 'plan' of type oneOf needs 'values': the texts it may hold"),
        Case(problem: .missingField("a node", field: "kind", kinds: ["say", "end"]), code: .missingField, message: "a node needs 'kind'", hint: "one of: say, end"),
        Case(problem: .unknown(.type, "integer", place: "for variable 'age'", suggestion: nil, allowed: FlowLoader.variableTypes), code: .invalidValue,
             message: "unknown type 'integer' for variable 'age'", hint: "use one of: bool, number, text, oneOf"),
        Case(problem: .unknown(.inputType, "yesNo", suggestion: "yesno"), code: .invalidValue, message: "unknown input type 'yesNo'", hint: "did you mean 'yesno'?"),
        Case(problem: .unknown(.inputType, "date", suggestion: nil, allowed: FlowLoader.inputTypes), code: .invalidValue, message: "unknown input type 'date'",
             hint: "use one of: yesno, number, text, oneOf"),
        Case(problem: .invalidVariableName("Age"), code: .invalidValue, message: "variable name 'Age' is not valid",
             hint: "use lower-case letters, digits and '_', starting with a letter"),
        Case(problem: .undeclaredLanguage(in: "the flow's triggers", entries: .phrases, language: "de", declared: ["nl", "en"], suggestion: nil),
             code: .undeclaredLanguage, message: "the flow's triggers has phrases in 'de', which the manifest does not declare"),
        Case(problem: .undeclaredDefaultLanguage("ne", suggestion: "nl"), code: .undeclaredLanguage, message: "the default language 'ne' is not in 'languages'",
             hint: "did you mean 'nl'?"),
        Case(problem: .variableDeclaredTwice("age", firstFile: "flows/a.json", firstLine: 12), code: .duplicateID, message: "variable 'age' is declared twice",
             hint: "variables are shared by all flows; the first declaration is in flows/a.json line 12"),
        Case(problem: .unknownEntryFlow("welcom", suggestion: "welcome"), code: .unknownFlow, message: "the entry flow 'welcom' does not exist",
             hint: "did you mean 'welcome'?"),
        Case(problem: .menuNotAQuestion("welcome:hello"), code: .invalidValue, message: "the menu 'welcome:hello' must be an ask node"),
        Case(problem: .menuWithoutFlow, code: .invalidValue, message: "'menu' must name a flow and a node, such as 'welcome:menu'"),
        Case(problem: .flowWithoutNodes("costs"), code: .missingField, message: "flow 'costs' has no nodes to start at"),
        Case(problem: .branchWithoutElse("check"), code: .noWayOn,
             message: "branch 'check' has no 'else': when no case holds, the conversation would stop",
             hint: #"add "else": the node to go to when no case holds"#),
        Case(problem: .empty("'version'"), code: .invalidValue, message: "'version' must not be empty"),
        Case(problem: .emptyText(language: "en", of: "the flow title"), code: .invalidValue, message: "the 'en' text of the flow title is empty"),
        Case(problem: .emptyMessage("yes"), code: .invalidValue, message: "the message 'yes' is empty"),
        Case(problem: .definedTwice(kind: "fact", id: "fee"), code: .duplicateKey, message: "fact 'fee' is defined twice"),
        Case(problem: .unknownFactField(fact: "fee", field: "amont", suggestion: "amount"), code: .unknownFact, message: "fact 'fee' has no field 'amont'",
             hint: "did you mean 'amount'?"),
        Case(problem: .unknownFactSource(fact: "fee", source: "cz", suggestion: nil), code: .unknownSource, message: "fact 'fee' names unknown source 'cz'"),
        Case(problem: .afterFailuresOutOfRange(lowest: 1, highest: 10, found: "0"), code: .invalidValue,
             message: "'afterFailures' must be a whole number from 1 to 10, not 0", hint: "3 hands off after three turns in a row that were not understood"),
        Case(problem: .idUsedTwice(kind: "interrupt", id: "crisis", in: nil), code: .duplicateID, message: "interrupt id 'crisis' is used twice"),
        Case(problem: .idUsedTwice(kind: "choice", id: "yes", in: "node 'ask'"), code: .duplicateID, message: "choice id 'yes' is used twice in node 'ask'"),
    ]

    @Test(arguments: cases)
    func everyProblemIsWordedOnce(_ expected: Case) {
        let diagnostic = Diagnostic(expected.problem, file: "flows/x.json")
        #expect(diagnostic.code == expected.code)
        #expect(diagnostic.message == expected.message)
        #expect(diagnostic.hint == expected.hint)
    }

    @Test func suggestionsAreSaidOneWay() {
        #expect(Suggestion.hint(for: "welcom", among: ["welcome", "costs"]) == "did you mean 'welcome'?")
        #expect(Diagnostic.Problem.didYouMean("costs") == "did you mean 'costs'?")
    }
}
