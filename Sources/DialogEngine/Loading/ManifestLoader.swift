/// What `manifest.json` declares about a bundle.
struct Manifest: Sendable {
    var id: String
    var version: String
    var title: LocalizedText?
    var languages: [String]
    /// Languages whose texts are being translated: allowed in texts, not yet required or offered.
    var translating: [String]
    /// Where each language is listed in `languages`, for diagnostics about a language as a whole.
    var languageOrigins: [String: Origin]
    var defaultLanguage: String
    var entry: FlowReference
    var menu: NodeReference
    var interrupts: [Interrupt]
    /// Messages the bundle does not cover, per language.
    var outOfScope: [String: [String]]
    var outOfScopeOrigins: ExampleOrigins?
}

enum ManifestLoader {
    static let file = "manifest.json"

    static func load(_ json: JSONValue, context: LoadContext) -> Manifest? {
        let file = Self.file
        guard context.checkObject(json, file: file, what: "the manifest",
                                  allowed: ["id", "version", "title", "languages", "translating", "defaultLanguage", "entry", "menu", "outOfScope", "interrupts"],
                                  required: ["id", "version", "languages", "defaultLanguage", "entry", "menu"]) else { return nil }
        // Languages first: every text below is checked against them.
        let (languages, languageOrigins) = loadLanguages(json["languages"], context: context)
        context.languages = languages
        let translating = loadTranslating(json["translating"], languages: languages, context: context)
        context.translating = translating
        let id = context.identifier(json["id"], file: file, what: "the bundle id")
        let version = context.nonEmptyString(json["version"], file: file, what: "'version'")
        var defaultLanguage = context.string(json["defaultLanguage"], file: file, what: "'defaultLanguage'")
        if let language = defaultLanguage, let value = json["defaultLanguage"], !languages.isEmpty, !languages.contains(language) {
            context.report(.undeclaredDefaultLanguage(language, suggestion: Suggestion.closest(to: language, among: languages)), file: file, value: value)
            defaultLanguage = nil
        }
        let title = context.text(json["title"], file: file, what: "the bundle title")
        let entry = context.string(json["entry"], file: file, what: "'entry'").map { FlowReference(written: $0, origin: context.origin(file, json["entry"]!)) }
        let menu = context.string(json["menu"], file: file, what: "'menu'").map { NodeReference(written: $0, origin: context.origin(file, json["menu"]!)) }
        if let menu, menu.flow == nil, let value = json["menu"] {
            context.report(.menuWithoutFlow, file: file, value: value)
        }
        let interrupts = loadInterrupts(json["interrupts"], context: context)
        let (outOfScope, outOfScopeOrigins) = loadOutOfScope(json["outOfScope"], context: context)
        guard let id, let version, let defaultLanguage, let entry, let menu, !languages.isEmpty else { return nil }
        return Manifest(id: id, version: version, title: title, languages: languages, translating: translating,
                        languageOrigins: languageOrigins, defaultLanguage: defaultLanguage,
                        entry: entry, menu: menu, interrupts: interrupts, outOfScope: outOfScope,
                        outOfScopeOrigins: outOfScopeOrigins)
    }

    private static func loadLanguages(_ value: JSONValue?, context: LoadContext) -> (languages: [String], origins: [String: Origin]) {
        var languages: [String] = []
        var origins: [String: Origin] = [:]
        for element in context.array(value, file: file, what: "'languages'", nonEmpty: true) ?? [] {
            guard let code = context.string(element, file: file, what: "a language code") else { continue }
            if !isLanguageCode(code) {
                context.report(.notALanguageCode(code, examples: ["nl", "en"]), file: file, value: element)
            } else if languages.contains(code) {
                context.report(.languageListedTwice(code), file: file, value: element)
            } else {
                languages.append(code)
                origins[code] = context.origin(file, element)
            }
        }
        return (languages, origins)
    }

    /// Languages on their way in: their texts are optional until every text has them.
    private static func loadTranslating(_ value: JSONValue?, languages: [String], context: LoadContext) -> [String] {
        var translating: [String] = []
        for element in context.array(value, file: file, what: "'translating'") ?? [] {
            guard let code = context.string(element, file: file, what: "a language code") else { continue }
            if !isLanguageCode(code) {
                context.report(.notALanguageCode(code, examples: ["de", "fr"]), file: file, value: element)
            } else if languages.contains(code) {
                context.report(.languageDeclaredAndTranslating(code), file: file, value: element)
            } else if translating.contains(code) {
                context.report(.languageListedTwice(code), file: file, value: element)
            } else {
                translating.append(code)
            }
        }
        return translating
    }

    private static func loadInterrupts(_ value: JSONValue?, context: LoadContext) -> [Interrupt] {
        var interrupts: [Interrupt] = []
        var ids = Set<String>()
        for element in context.array(value, file: file, what: "'interrupts'") ?? [] {
            guard let interrupt = loadInterrupt(element, context: context) else { continue }
            if !ids.insert(interrupt.id).inserted {
                context.report(.idUsedTwice(kind: "interrupt", id: interrupt.id, in: nil), at: interrupt.origin)
            }
            interrupts.append(interrupt)
        }
        return interrupts
    }

    private static func loadOutOfScope(_ value: JSONValue?, context: LoadContext) -> ([String: [String]], ExampleOrigins?) {
        guard let value, context.checkObject(value, file: file, what: "'outOfScope'", allowed: ["examples"], required: ["examples"]) else { return ([:], nil) }
        let examples = context.phrases(value["examples"], file: file, what: "the out-of-scope examples") ?? [:]
        let origins = value["examples"].map { ExampleOrigins(object: context.origin(file, $0), phrases: context.phraseOrigins($0, file: file)) }
        return (examples, origins)
    }

    private static func loadInterrupt(_ json: JSONValue, context: LoadContext) -> Interrupt? {
        let file = Self.file
        guard context.checkObject(json, file: file, what: "an interrupt", allowed: ["id", "triggers", "examples", "messages", "sources"],
                                  required: ["id", "triggers", "messages", "sources"]) else { return nil }
        let id = context.identifier(json["id"], file: file, what: "the interrupt id")
        let triggers = context.phrases(json["triggers"], file: file, what: "the interrupt's triggers")
        let examples = context.phrases(json["examples"], file: file, what: "the interrupt's examples") ?? [:]
        let messages = (context.array(json["messages"], file: file, what: "'messages'", nonEmpty: true) ?? [])
            .compactMap { context.text($0, file: file, what: "a message") }
        let sources = context.stringList(json["sources"], file: file, what: "'sources'") ?? []
        guard let id, let triggers else { return nil }
        if let value = json["triggers"] {
            for language in context.languages where triggers[language, default: []].isEmpty {
                context.report(.interruptWithoutTriggers(id, language: language), file: file, value: value)
            }
        }
        let exampleOrigins = json["examples"].map { ExampleOrigins(object: context.origin(file, $0), phrases: context.phraseOrigins($0, file: file)) }
        return Interrupt(id: id, triggers: triggers, examples: examples, exampleOrigins: exampleOrigins, messages: messages, sources: sources,
                         origin: context.origin(file, json))
    }

    static func isLanguageCode(_ code: String) -> Bool {
        (2...3).contains(code.count) && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
    }
}
