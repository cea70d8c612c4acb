extension DiagnosticCode {
    /// The file is not valid JSON.
    public static let invalidJSON = DiagnosticCode(rawValue: "DLG001")
    /// An object has a member the format does not know.
    public static let unknownField = DiagnosticCode(rawValue: "DLG002")
    /// A value has the wrong JSON type.
    public static let wrongType = DiagnosticCode(rawValue: "DLG003")
    /// A required member is missing.
    public static let missingField = DiagnosticCode(rawValue: "DLG004")
    /// A node's `kind` is not one the engine knows.
    public static let unknownNodeKind = DiagnosticCode(rawValue: "DLG005")
    /// Two things that must have different ids share one.
    public static let duplicateID = DiagnosticCode(rawValue: "DLG006")
    /// A reference names a node that does not exist.
    public static let unknownNode = DiagnosticCode(rawValue: "DLG007")
    /// A reference names a flow that does not exist.
    public static let unknownFlow = DiagnosticCode(rawValue: "DLG008")
    /// A reference names a fact (or fact field) that does not exist.
    public static let unknownFact = DiagnosticCode(rawValue: "DLG009")
    /// A reference names a source that does not exist.
    public static let unknownSource = DiagnosticCode(rawValue: "DLG010")
    /// A reference names a variable that is not declared.
    public static let unknownVariable = DiagnosticCode(rawValue: "DLG011")
    /// No path from any entry point reaches this node.
    public static let unreachableNode = DiagnosticCode(rawValue: "DLG012")
    /// A node that does not wait or end has nowhere to go.
    public static let noWayOn = DiagnosticCode(rawValue: "DLG013")
    /// A choice leads nowhere.
    public static let choiceWithoutTarget = DiagnosticCode(rawValue: "DLG014")
    /// A text lacks one of the bundle's languages.
    public static let missingTranslation = DiagnosticCode(rawValue: "DLG015")
    /// A text or trigger list uses a language the manifest does not declare.
    public static let undeclaredLanguage = DiagnosticCode(rawValue: "DLG016")
    /// A condition or assignment is not a valid expression.
    public static let expressionSyntax = DiagnosticCode(rawValue: "DLG017")
    /// Values of different types are compared, combined or assigned.
    public static let typeMismatch = DiagnosticCode(rawValue: "DLG018")
    /// A variable is read on a path where nothing has set it yet.
    public static let readBeforeSet = DiagnosticCode(rawValue: "DLG019")
    /// Nodes lead to each other in a loop that never waits for the person.
    public static let cycleWithoutInput = DiagnosticCode(rawValue: "DLG020")
    /// A flow on the topic list has no trigger phrases.
    public static let noTriggers = DiagnosticCode(rawValue: "DLG021")
    /// A file every bundle needs is missing.
    public static let missingFile = DiagnosticCode(rawValue: "DLG022")
    /// A node tells the person something without naming its sources.
    public static let noSources = DiagnosticCode(rawValue: "DLG023")
    /// A `{placeholder}` in a text is malformed or names nothing.
    public static let badPlaceholder = DiagnosticCode(rawValue: "DLG024")
    /// A text uses a figure that belongs to a year without saying the year.
    public static let yearlyFactWithoutYear = DiagnosticCode(rawValue: "DLG025")
    /// A value has the right type but is not allowed (empty text, bad id, min above max...).
    public static let invalidValue = DiagnosticCode(rawValue: "DLG026")
    /// An object has the same member twice.
    public static let duplicateKey = DiagnosticCode(rawValue: "DLG027")
    /// The same phrase leads to two different choices of one question.
    public static let sharedSynonym = DiagnosticCode(rawValue: "DLG028")
    /// A fact, source or variable is declared but never used.
    public static let unusedDeclaration = DiagnosticCode(rawValue: "DLG029")
    /// A file cannot be read as UTF-8 text.
    public static let unreadableFile = DiagnosticCode(rawValue: "DLG030")
    /// A topic, interrupt or the out-of-scope list has no examples in one of the languages.
    public static let examplesMissingLanguage = DiagnosticCode(rawValue: "DLG031")
    /// The same example belongs to two topics (or is another topic's trigger).
    public static let sharedExample = DiagnosticCode(rawValue: "DLG032")
    /// A sentence or a whole text is longer than plain language allows.
    public static let longText = DiagnosticCode(rawValue: "DLG033")
    /// Flows call each other in a circle, so a call never returns.
    public static let callCycle = DiagnosticCode(rawValue: "DLG034")

    struct Entry: Sendable {
        var code: DiagnosticCode
        var severity: Diagnostic.Severity
        var summary: String
        var explanation: String
    }

    static let catalog: [Entry] = [
        Entry(code: .invalidJSON, severity: .error, summary: "invalid JSON",
              explanation: "The file could not be read as JSON. The position points at the first character that does not fit; common causes are a missing comma, a trailing comma, single quotes, or an unclosed string."),
        Entry(code: .unknownField, severity: .error, summary: "unknown field",
              explanation: "The object has a member the format does not define. Check the spelling (the hint suggests the closest known name). Use \"$comment\" for notes; it is allowed anywhere."),
        Entry(code: .wrongType, severity: .error, summary: "wrong value type",
              explanation: "The value has the wrong JSON type, for example a number where a string is expected. The message says what was expected."),
        Entry(code: .missingField, severity: .error, summary: "missing required field",
              explanation: "A member this object must have is absent. Add it; the message names it."),
        Entry(code: .unknownNodeKind, severity: .error, summary: "unknown node kind",
              explanation: "A node's \"kind\" must be one of: say, ask, input, branch, goto, call, set, plan, end."),
        Entry(code: .duplicateID, severity: .error, summary: "duplicate id",
              explanation: "Ids must be unique: node ids within a flow, choice ids within a question, flow ids, interrupt ids and variable names within the bundle. (Plan item ids may repeat on purpose: the same step added from two flows appears once.) Rename one of them."),
        Entry(code: .unknownNode, severity: .error, summary: "unknown node",
              explanation: "A reference such as \"next\" names a node that does not exist. Write \"node\" for a node in the same flow or \"flow:node\" for a node in another flow."),
        Entry(code: .unknownFlow, severity: .error, summary: "unknown flow",
              explanation: "A reference names a flow id that no file under flows/ declares."),
        Entry(code: .unknownFact, severity: .error, summary: "unknown fact",
              explanation: "A placeholder or condition names a fact, or a field of a fact, that facts.json does not define."),
        Entry(code: .unknownSource, severity: .error, summary: "unknown source",
              explanation: "A \"sources\" list or a fact names a source id that sources.json does not define."),
        Entry(code: .unknownVariable, severity: .error, summary: "unknown variable",
              explanation: "A placeholder, condition or assignment names a variable that no flow declares under \"variables\"."),
        Entry(code: .unreachableNode, severity: .warning, summary: "unreachable node",
              explanation: "No path from the entry flow, the menu or a listed flow's start leads to this node, so nobody will ever see it. Link to it or remove it."),
        Entry(code: .noWayOn, severity: .error, summary: "node with no way on",
              explanation: "Nodes that neither wait for an answer nor end the conversation need \"next\" (or, for a branch, an \"else\")."),
        Entry(code: .choiceWithoutTarget, severity: .error, summary: "choice without target",
              explanation: "Every choice needs \"next\": the node it leads to."),
        Entry(code: .missingTranslation, severity: .error, summary: "missing translation",
              explanation: "Every text a person sees needs one entry per language the manifest declares, for example {\"nl\": \"...\", \"en\": \"...\"}. "
                  + "Every declared language also needs the engine's own words: a language pack the engine ships (nl, en) or the bundle's "
                  + "languages/CODE.json, with every message."),
        Entry(code: .undeclaredLanguage, severity: .error, summary: "undeclared language",
              explanation: "A text uses a language code that the manifest's \"languages\" does not list. Add the language to the manifest or remove the entry; while a language is being translated, list it under \"translating\" instead."),
        Entry(code: .expressionSyntax, severity: .error, summary: "expression syntax error",
              explanation: "Conditions use ==, !=, <, <=, >, >=, and, or, not, in, parentheses, names, numbers, 'strings' or \"strings\", true, false and lists such as ['a', 'b']."),
        Entry(code: .typeMismatch, severity: .error, summary: "type mismatch",
              explanation: "Values of different types are compared or combined, a condition is not true/false, or a value does not fit the variable it is assigned to."),
        Entry(code: .readBeforeSet, severity: .error, summary: "variable read before set",
              explanation: "On some path through the dialog a variable is read before any node has set it. Set it on every path first, or give it a \"default\" in its declaration."),
        Entry(code: .cycleWithoutInput, severity: .error, summary: "cycle without input",
              explanation: "These nodes lead back to each other without a question in between, so the conversation would loop forever. Put an ask or input node in the loop, or break it."),
        Entry(code: .noTriggers, severity: .error, summary: "flow without triggers",
              explanation: "A listed flow needs trigger phrases in every language so free text can find it. Add \"triggers\", or set \"listed\": false for a flow that is only reached from other flows."),
        Entry(code: .missingFile, severity: .error, summary: "missing file",
              explanation: "A bundle folder needs manifest.json, facts.json, sources.json and at least one flow under flows/."),
        Entry(code: .noSources, severity: .warning, summary: "no sources",
              explanation: "A node that tells the person something should name its sources. Add \"sources\"; write \"sources\": [] for a text that states no facts (a greeting, a question)."),
        Entry(code: .badPlaceholder, severity: .error, summary: "bad placeholder",
              explanation: "Placeholders are written {variable} or {fact.field}. Write {{ and }} for literal braces."),
        Entry(code: .yearlyFactWithoutYear, severity: .warning, summary: "yearly figure without its year",
              explanation: "A text uses a fact that has a \"year\" but does not say that year. Add {fact.year} to the same text, so a reader knows which year the figure belongs to."),
        Entry(code: .invalidValue, severity: .error, summary: "invalid value",
              explanation: "The value has the right type but is not allowed here: an empty text or list, an id with characters other than a-z, 0-9, _ and -, a minimum above the maximum, a malformed date or URL."),
        Entry(code: .duplicateKey, severity: .error, summary: "duplicate key",
              explanation: "The object has the same member twice; JSON readers would silently keep only one. Remove or rename one."),
        Entry(code: .sharedSynonym, severity: .warning, summary: "phrase shared by two choices",
              explanation: "The same label or synonym leads to two different choices of one question, so typing it always asks which one was meant. Keep the phrase on one choice."),
        Entry(code: .unusedDeclaration, severity: .warning, summary: "unused declaration",
              explanation: "A fact, source or variable is declared but nothing uses it. Use it or remove it."),
        Entry(code: .unreadableFile, severity: .error, summary: "unreadable file",
              explanation: "The file could not be read, is not UTF-8 text, or is not a file at all: a named pipe, a device, a folder whose name ends in .json, or a symbolic link that loops or points nowhere. Links to files and folders elsewhere are followed. Save the file as UTF-8, or put a JSON file in the entry's place."),
        Entry(code: .examplesMissingLanguage, severity: .warning, summary: "examples missing a language",
              explanation: "The classifier that routes free text learns each language from its own examples. A flow, interrupt or \"outOfScope\" with \"examples\" needs them in every language of the bundle, and no empty lists."),
        Entry(code: .sharedExample, severity: .warning, summary: "example shared by two topics",
              explanation: "An example (compared without case, accents and punctuation) is also an example or trigger of another flow, interrupt or \"outOfScope\". The classifier cannot learn which one it means. Keep it in one place, or reword it."),
        Entry(code: .longText, severity: .warning, summary: "long sentence or message",
              explanation: "A sentence has more than 20 words, or one text more than 80 (per language; `validate --max-sentence-words N --max-message-words N` sets other limits). Long sentences and walls of text are hard to read in plain language: split the sentence, or move the rest to another message or behind a choice such as \"Tell me more\"."),
        Entry(code: .callCycle, severity: .error, summary: "flows call each other in a circle",
              explanation: "A flow calls a flow that, directly or through others, calls the first one again. Each call waits for the called flow to end before it goes on, so the calls pile up and the conversation never returns to where the first call was made. To go back to an earlier flow, use a \"goto\" node (or a \"next\" naming the node) instead of \"call\"."),
    ]
}
