/// The words a conversation understands, merged from its language's pack and the packs that pack
/// lists in `alsoUnderstands`, as sets and word tables for fast lookup on every turn.
///
/// The sets live in one shared, immutable box: a turn asks for its language's words several
/// times, and copying 17 collections (17 reference counts up and down) each time was a few
/// percent of a turn.
struct LanguageWords: Sendable {
    private final class Box: Sendable {
        let contents: Contents
        init(_ contents: Contents) { self.contents = contents }
    }

    private let box: Box

    init() { box = Box(Contents()) }

    /// The words of `packs`, merged.
    init(_ packs: [LanguagePack]) { box = Box(Contents(packs)) }

    var yes: Set<String> { box.contents.yes }
    var no: Set<String> { box.contents.no }
    /// A first word that answers the question, whatever follows: "nee, die wil hij niet geven".
    var leadingYes: Set<String> { box.contents.leadingYes }
    var leadingNo: Set<String> { box.contents.leadingNo }
    /// Words that deny something in a sentence, but answer no only when typed alone.
    var negations: Set<String> { box.contents.negations }
    /// Answers that sound like yes or no but say "I don't know".
    var unsure: Set<String> { box.contents.unsure }
    /// Words that say "I don't understand the question".
    var confusion: Set<String> { box.contents.confusion }
    /// The confusion phrases of two or more words, which may stand inside a longer message.
    var longConfusion: Set<String> { box.contents.longConfusion }
    /// Small words that carry no meaning for matching.
    var stop: Set<String> { box.contents.stop }
    /// Articles and possessives a person often leaves out of a phrase ("reparatie" for "een reparatie").
    var skippable: Set<String> { box.contents.skippable }
    /// Whether a word is a stop word, a skippable word or both (neither: not in the table).
    struct SmallWord: OptionSet, Sendable {
        let rawValue: UInt8
        static let stop = SmallWord(rawValue: 1)
        static let skippable = SmallWord(rawValue: 2)
    }
    /// ``stop`` and ``skippable`` in one table, for code that needs both of a word: each word's
    /// ``SmallWord`` raw value (a `WordTable` hashes a word in a tenth of a `Dictionary`'s time).
    var smallWords: WordTable { box.contents.smallWords }
    /// Words that start a question of its own ("what", "hoe").
    var questionWords: Set<String> { box.contents.questionWords }
    /// Words for "and": where an answer followed by more ends.
    var and: Set<String> { box.contents.and }
    /// Command words (joined with spaces) and the command each gives.
    var commands: [String: Command] { box.contents.commands }
    /// The command `phrase` (words joined with spaces) gives, if any: ``commands`` looked up
    /// through a `WordTable`, as every short message is.
    func command(_ phrase: String) -> Command? {
        box.contents.commandNumbers[phrase].map { box.contents.commandList[$0] }
    }
    /// Whether `word` starts a language command: ``languageKeywords``, looked up as ``command(_:)``.
    func isLanguageKeyword(_ word: String) -> Bool { box.contents.languageKeywordIndex[word] != nil }
    /// Whether `word` is one of ``and``, looked up as ``command(_:)``: every typed word is.
    func isAnd(_ word: String) -> Bool { box.contents.andIndex[word] != nil }
    /// Whether `word` is one of ``questionWords``, looked up as ``command(_:)``.
    func isQuestionWord(_ word: String) -> Bool { box.contents.questionWordIndex[word] != nil }
    /// The most words a command phrase of ``commands`` has: a longer message is none.
    var longestCommand: Int { box.contents.longestCommand }
    /// Every command word (joined with spaces) and the name of its command, front ends' too.
    var commandNames: [String: String] { box.contents.commandNames }
    /// Words that start a language command ("lang", "taal").
    var languageKeywords: Set<String> { box.contents.languageKeywords }
    /// Single words after a language keyword that name a language ("lang engels").
    var languageCodes: [String: String] { box.contents.languageCodes }
    /// Names of languages in running text, by code.
    var languageNames: [String: Set<String>] { box.contents.languageNames }

    /// The sets themselves, built once per language.
    fileprivate struct Contents: Sendable {
        var yes: Set<String> = []
        var no: Set<String> = []
        var leadingYes: Set<String> = []
        var leadingNo: Set<String> = []
        var negations: Set<String> = []
        var unsure: Set<String> = []
        var confusion: Set<String> = []
        var longConfusion: Set<String> = []
        var stop: Set<String> = []
        var skippable: Set<String> = []
        var smallWords = WordTable()
        var questionWords: Set<String> = []
        var and: Set<String> = []
        var commands: [String: Command] = [:]
        /// ``commands`` as a table of places in `commandList`.
        var commandNumbers = WordTable()
        var commandList: [Command] = []
        var languageKeywordIndex = WordTable()
        var andIndex = WordTable()
        var questionWordIndex = WordTable()
        /// The most words any of `commands` has.
        var longestCommand = 0
        var commandNames: [String: String] = [:]
        var languageKeywords: Set<String> = []
        var languageCodes: [String: String] = [:]
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
            smallWords = WordTable(stop.union(skippable).sorted().map { word in
                (word, Int((stop.contains(word) ? SmallWord.stop : []).union(skippable.contains(word) ? .skippable : []).rawValue))
            })
            let sortedCommands = commands.sorted { $0.key < $1.key }
            commandNumbers = WordTable(sortedCommands.enumerated().map { ($0.element.key, $0.offset) })
            commandList = sortedCommands.map(\.value)
            languageKeywordIndex = WordTable(languageKeywords.sorted().map { ($0, 0) })
            andIndex = WordTable(and.sorted().map { ($0, 0) })
            questionWordIndex = WordTable(questionWords.sorted().map { ($0, 0) })
            longestCommand = commands.keys.map { $0.split(separator: " ", omittingEmptySubsequences: false).count }.max() ?? 0
        }
    }
}
