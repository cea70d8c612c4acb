/// The words a conversation understands, merged from its language's pack and the packs that pack
/// lists in `alsoUnderstands`, as sets for fast lookup on every turn.
struct LanguageWords: Sendable {
    var yes: Set<String> = []
    var no: Set<String> = []
    /// A first word that answers the question, whatever follows: "nee, die wil hij niet geven".
    var leadingYes: Set<String> = []
    var leadingNo: Set<String> = []
    /// Words that deny something in a sentence, but answer no only when typed alone.
    var negations: Set<String> = []
    /// Answers that sound like yes or no but say "I don't know".
    var unsure: Set<String> = []
    /// Words that say "I don't understand the question".
    var confusion: Set<String> = []
    /// The confusion phrases of two or more words, which may stand inside a longer message.
    var longConfusion: Set<String> = []
    /// Small words that carry no meaning for matching.
    var stop: Set<String> = []
    /// Articles and possessives a person often leaves out of a phrase ("reparatie" for "een reparatie").
    var skippable: Set<String> = []
    /// Words that start a question of its own ("what", "hoe").
    var questionWords: Set<String> = []
    /// Words for "and": where an answer followed by more ends.
    var and: Set<String> = []
    /// Command words (joined with spaces) and the command each gives.
    var commands: [String: Command] = [:]
    /// Every command word (joined with spaces) and the name of its command, front ends' too.
    var commandNames: [String: String] = [:]
    /// Words that start a language command ("lang", "taal").
    var languageKeywords: Set<String> = []
    /// Single words after a language keyword that name a language ("lang engels").
    var languageCodes: [String: String] = [:]
    /// Names of languages in running text, by code.
    var languageNames: [String: Set<String>] = [:]

    init() {}

    /// The words of `packs`, merged.
    init(_ packs: [LanguagePack]) {
        for pack in packs {
            yes.formUnion(pack.words("yes"))
            no.formUnion(pack.words("no"))
            leadingYes.formUnion(pack.words("leadingYes"))
            leadingNo.formUnion(pack.words("leadingNo"))
            negations.formUnion(pack.words("negations"))
            unsure.formUnion(pack.words("unsure"))
            confusion.formUnion(pack.words("confusion"))
            stop.formUnion(pack.words("stop"))
            skippable.formUnion(pack.words("skippable"))
            questionWords.formUnion(pack.words("questionWords"))
            and.formUnion(pack.words("and"))
            for (name, command) in Command.named {
                for word in pack.commands[name] ?? [] { commands[word] = command }
            }
            for (name, words) in pack.commands { for word in words where commandNames[word] == nil { commandNames[word] = name } }
            languageKeywords.formUnion(pack.commands["language"] ?? [])
            for (code, words) in pack.languageCommands {
                languageCodes[code] = code
                for word in words {
                    commands[word] = .language(code)
                    if !word.contains(" ") { languageCodes[word] = code }
                }
            }
            for (code, names) in pack.languageNames { languageNames[code, default: []].formUnion(names) }
        }
        longConfusion = confusion.filter { $0.contains(" ") }
    }
}
