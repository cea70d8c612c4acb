import HashTreeCollections

/// A loaded, checked bundle with every name resolved to an index, ready to run turns without
/// parsing or searching.
struct CompiledBundle: Sendable {
    var id: String
    var version: String
    var title: LocalizedText?
    var languages: [String]
    /// Languages being translated: not offered to people until they move to `languages`.
    var translating: [String] = []
    /// The words a language being translated has so far, kept apart from `languagePacks` so
    /// that nothing in a conversation reads a half-translated pack.
    var packsSoFar: [String: LanguagePack] = [:]
    var defaultLanguage: String
    var entryFlow: Int
    var menuNode: Int
    var flows: [Flow]
    var nodes: [Node]
    var variables: [String: VariableDeclaration]
    var sources: [String: Source]
    var facts: [String: Fact]
    var interrupts: [Interrupt]
    /// Messages the bundle does not cover (small talk, other questions), per language.
    var outOfScopeExamples: [String: [String]] = [:]
    var outOfScopeOrigins: ExampleOrigins?
    /// What is said when the person is handed to a human; nil without `handoff.json`.
    var handoff: HandoffContent?
    /// The files the bundle's origins point into (see ``Origin``).
    var fileNames: [String] = []

    /// The file `origin` points into.
    func fileName(of origin: Origin) -> String { fileNames[Int(origin.fileNumber)] }

    /// The words of each bundle language: the engine's packs with the bundle's laid over them.
    var languagePacks: [String: LanguagePack] = [:] {
        didSet {
            let words = Self.words(of: languagePacks, languages: languages)
            conversationLanguages = languagePacks.sorted { $0.key < $1.key }.map { language, pack in
                (language, pack, words[language] ?? LanguageWords([pack]))
            }
            indexWords = LanguageWords(languages.compactMap { languagePacks[$0] })
        }
    }
    /// Per conversation language: its pack, and its pack's words with those of the packs it
    /// also understands. A list, not a dictionary: a bundle has a few languages, and comparing
    /// two short codes costs less than hashing one, on every turn.
    private(set) var conversationLanguages: [(language: String, pack: LanguagePack, words: LanguageWords)] = []
    /// Answer indexes hold every language's labels at once, so they skip the stop words of all
    /// the bundle's languages.
    private(set) var indexWords = LanguageWords()

    /// Whether each node can be reached from an entry point (set by validation).
    var reachable: [Bool] = []
    /// `flow:node` to node index.
    var nodeIndex = NameIndex()
    /// Node index to `flow:node`: a turn names the nodes it moves through, and this spares it
    /// building the name each time.
    var qualifiedIDs: [String] = []
    var flowIndex: [String: Int] = [:]
    /// Per ask or oneOf-input node: the phrases of its choices (target = choice index).
    var answerIndexes: [Int: PhraseIndex] = [:]
    /// Trigger phrases of interrupts (target = interrupt index).
    var interruptKeywords = KeywordSpotter(words: LanguageWords())
    /// Per question marked `fill`: the phrases that answer it when found in earlier messages
    /// (target = choice or option index; for yes/no, 0 is yes and 1 is no).
    var fillPhrases: [Int: [(target: Int, phrase: [String])]] = [:]
    /// Each source as turns cite it, written once per conversation language (set after linking).
    var referencesByLanguage: [(language: String, byID: [String: SourceReference])] = []
    /// Tells what free text is about; set up once the bundle is linked, trained on first use.
    var understanding: TrainedOnFirstUse?

    var classifier: TopicClassifier? { understanding?.classifier }

    /// The pack of a conversation in `language` (English for a language the bundle lacks).
    func pack(_ language: String) -> LanguagePack {
        for index in conversationLanguages.indices where conversationLanguages[index].language == language {
            return conversationLanguages[index].pack
        }
        return LanguagePack.fallback
    }

    /// The words a conversation in `language` understands.
    func words(_ language: String) -> LanguageWords {
        for index in conversationLanguages.indices where conversationLanguages[index].language == language {
            return conversationLanguages[index].words
        }
        return LanguageWords([pack(language)])
    }

    /// The engine's words in `language`.
    func strings(_ language: String) -> EngineStrings { EngineStrings(pack(language)) }

    private static func words(of packs: [String: LanguagePack], languages: [String]) -> [String: LanguageWords] {
        var result: [String: LanguageWords] = [:]
        for language in languages {
            guard let pack = packs[language] else { continue }
            let understood = [pack] + pack.alsoUnderstands.filter { $0 != language }.compactMap { packs[$0] ?? LanguagePack.builtIn[$0] }
            result[language] = LanguageWords(understood)
        }
        return result
    }

    func node(flow: String, id: String) -> Int? { nodeIndex["\(flow):\(id)"] }

    func qualifiedID(of node: Int) -> String { qualifiedIDs[node] }
}

extension CompiledBundle {
    /// `source` as a turn cites it in `language`: its title and publisher written out.
    func reference(to source: Source, language: String) -> SourceReference {
        SourceReference(id: source.id, title: source.title.render(language: language, fallback: defaultLanguage, variables: [:]),
                        publisher: source.publisher.render(language: language, fallback: defaultLanguage, variables: [:]),
                        url: source.url, checked: source.checked)
    }
}
