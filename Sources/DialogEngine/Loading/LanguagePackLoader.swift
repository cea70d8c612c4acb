/// Reads language packs: the engine's own and a bundle's `languages/CODE.json` files, laid over
/// them, with every message key the engine or a front end uses checked in every language.
enum LanguagePackLoader {
    static let folder = "languages/"

    static let wordLists = ["yes", "no", "leadingYes", "leadingNo", "negations", "unsure", "confusion", "stop", "skippable", "questionWords", "and"]

    /// Command names a pack can give words for: the engine's commands, the language command, and
    /// the terminal's file commands.
    static var commandNames: [String] { Command.named.map { $0.name } + ["language", "sources", "save", "load", "summary"] }

    /// One pack file; nil when it cannot be used at all.
    static func load(_ json: JSONValue, file: String, context: LoadContext) -> LanguagePack? {
        guard context.checkObject(json, file: file, what: "a language pack",
                                  allowed: ["language", "alsoUnderstands", "decimalSeparator", "messages", "words", "commands",
                                            "languageCommands", "languageNames"],
                                  required: ["language"]) else { return nil }
        guard let language = context.string(json["language"], file: file, what: "'language'") else { return nil }
        if !ManifestLoader.isLanguageCode(language), let value = json["language"] {
            context.report(.notALanguageCode(language, examples: ["de"]), file: file, value: value)
        }
        let alsoUnderstands = context.stringList(json["alsoUnderstands"], file: file, what: "'alsoUnderstands'") ?? []
        let decimalSeparator = context.nonEmptyString(json["decimalSeparator"], file: file, what: "'decimalSeparator'") ?? ""
        var messages: [String: String] = [:]
        if let value = json["messages"] {
            for member in members(value, file: file, what: "'messages'", context: context) {
                guard let text = context.string(member.value, file: file, what: "the message '\(member.key)'") else { continue }
                if text.trimmingWhitespace().isEmpty {
                    context.report(.emptyMessage(member.key), file: file, value: member.value)
                }
                messages[member.key] = text
            }
        }
        let words = lists(json["words"], file: file, what: "'words'", allowed: wordLists, context: context)
        let commands = lists(json["commands"], file: file, what: "'commands'", allowed: commandNames, context: context)
        let languageCommands = lists(json["languageCommands"], file: file, what: "'languageCommands'", allowed: nil, context: context)
        let languageNames = lists(json["languageNames"], file: file, what: "'languageNames'", allowed: nil, context: context)
        return LanguagePack(language: language, alsoUnderstands: alsoUnderstands, decimalSeparator: decimalSeparator, messages: messages,
                            words: words, commands: commands, languageCommands: languageCommands, languageNames: languageNames)
    }

    /// The pack of every bundle language: the engine's, with the bundle's file laid over it.
    /// Reports a language with neither (at `declaredAt`, its entry in the manifest), a pack for
    /// an undeclared language, and each message key that some pack has and a language lacks.
    static func packs(files: [String: String], languages: [String], declaredAt: [String: Origin], parse: (String) -> JSONValue?,
                      context: LoadContext) -> [String: LanguagePack] {
        var bundlePacks: [String: (pack: LanguagePack, json: JSONValue, file: String)] = [:]
        for file in files.keys.filter({ $0.hasPrefix(folder) && $0.hasSuffix(".json") }).sorted() {
            guard let json = parse(file), let pack = load(json, file: file, context: context) else { continue }
            let named = String(file.dropFirst(folder.count).dropLast(5))
            if pack.language != named, let value = json["language"] {
                context.report(.packForOtherLanguage(file: file, language: pack.language, named: named), file: file, value: value)
                continue
            }
            guard languages.contains(pack.language) || context.translating.contains(pack.language) else {
                if let value = json["language"] {
                    context.report(.packForUndeclaredLanguage(pack.language, file: file), file: file, value: value)
                }
                continue
            }
            bundlePacks[pack.language] = (pack, json, file)
        }
        var result: [String: LanguagePack] = [:]
        for language in languages {
            let shipped = LanguagePack.builtIn[language]
            let own = bundlePacks[language]
            switch (shipped, own) {
            case let (shipped?, own?): result[language] = shipped.overlaid(with: own.pack)
            case let (shipped?, nil): result[language] = shipped
            case let (nil, own?):
                if own.pack.decimalSeparator.isEmpty {
                    context.report(.packWithoutDecimalSeparator(language), file: own.file, value: own.json)
                }
                result[language] = own.pack
            case (nil, nil):
                if let origin = declaredAt[language] {
                    let shipped = LanguagePack.builtIn.keys.sorted().joined(separator: " and ")
                    context.report(.noLanguagePack(language, shipped: shipped, folder: folder), at: origin)
                }
                // The checks go on in English; the error keeps the bundle from loading.
                result[language] = LanguagePack.fallback
            }
        }
        checkMessages(result, bundlePacks: bundlePacks.mapValues { ($0.json, $0.file) },
                      languages: languages.filter { LanguagePack.builtIn[$0] != nil || bundlePacks[$0] != nil }, context: context)
        // A language being translated keeps what it has so far, for the next export (the
        // caller keeps these apart); it is checked once it moves to `languages`.
        for language in context.translating {
            switch (LanguagePack.builtIn[language], bundlePacks[language]?.pack) {
            case let (shipped?, own?): result[language] = shipped.overlaid(with: own)
            case let (shipped?, nil): result[language] = shipped
            case let (nil, own?): result[language] = own
            case (nil, nil): break
            }
        }
        return result
    }

    private static func checkMessages(_ packs: [String: LanguagePack], bundlePacks: [String: (json: JSONValue, file: String)], languages: [String],
                                      context: LoadContext) {
        var keys = Set(LanguagePack.builtIn.values.flatMap(\.messages.keys))
        for pack in packs.values { keys.formUnion(pack.messages.keys) }
        for language in languages {
            guard let pack = packs[language] else { continue }
            let missing = keys.subtracting(pack.messages.keys).sorted()
            guard !missing.isEmpty else { continue }
            // A language the engine ships lacks only keys a bundle file added: report them where they were added.
            let at = bundlePacks[language] ?? bundlePacks.values.sorted(by: { $0.file < $1.file }).first
            guard let at else { continue }
            let value = at.json["messages"] ?? at.json
            for key in missing {
                let example = packs[LanguagePack.fallback.language]?.messages[key] ?? LanguagePack.fallback.messages[key] ?? "..."
                context.report(.missingPackMessage(language: language, key: key, english: example), file: at.file, value: value)
            }
        }
        for language in languages {
            guard let pack = packs[language], let own = bundlePacks[language], let messages = own.json["messages"]?.members else { continue }
            for member in messages {
                guard let reference = LanguagePack.fallback.messages[member.key], let text = pack.messages[member.key] else { continue }
                let expected = Placeholders.names(in: reference), found = Placeholders.names(in: text)
                if expected != found {
                    context.report(.packPlaceholders(key: member.key, found: Placeholders.list(found), expected: Placeholders.list(expected)),
                                   file: own.file, value: member.value)
                }
            }
        }
    }

    private static func members(_ value: JSONValue, file: String, what: String, context: LoadContext) -> [JSONValue.Member] {
        guard let all = value.members else {
            context.report(.wrongType(what, expected: "an object", found: value.typeName), file: file, value: value)
            return []
        }
        return context.firstOfEachKey(all, file: file, what: what).filter { $0.key != "$comment" }
    }

    /// An object of word lists, each word folded as typed text is, so that it matches.
    private static func lists(_ value: JSONValue?, file: String, what: String, allowed: [String]?, context: LoadContext) -> [String: [String]] {
        guard let value else { return [:] }
        var result: [String: [String]] = [:]
        for member in members(value, file: file, what: what, context: context) {
            if let allowed, !allowed.contains(member.key) {
                context.report(.unknownList(member.key, in: what, allowed: allowed, suggestion: Suggestion.closest(to: member.key, among: allowed)),
                               at: context.origin(file, member.keyLocation))
                continue
            }
            let words = context.stringList(member.value, file: file, what: "'\(member.key)'") ?? []
            result[member.key] = words.map { word in
                let folded = TextNormalizer.words(word).joined(separator: " ")
                return folded.isEmpty ? word : folded
            }
        }
        return result
    }
}
