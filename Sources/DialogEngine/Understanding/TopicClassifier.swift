/// Tells what a free-text message is about: a topic, a safety interrupt, or nothing the bundle
/// covers; and which of the bundle's languages it is written in. Trained when the bundle loads,
/// from the flows' titles, triggers and examples, the interrupts' triggers and examples, and the
/// bundle's out-of-scope examples; no files, no network.
struct TopicClassifier: Sendable {
    /// The classes, in a fixed order: topics, then interrupts, then handoff, then out of scope.
    let intents: [Intent]
    let model: LinearTextModel
    let language: LanguageGuesser

    /// One class and its score.
    struct Score: Sendable, Equatable {
        var intent: Intent
        var score: Double
    }

    /// A labelled training message.
    struct Example: Sendable {
        var text: String
        var intent: Intent
        var language: String
    }

    /// Trains on `examples`; `intents` fixes the class order (classes without examples never win).
    init(intents: [Intent], languages: [String], examples: [Example]) {
        self.intents = intents
        let position = Dictionary(uniqueKeysWithValues: intents.enumerated().map { ($0.element, $0.offset) })
        let languageIndex = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($0.element, $0.offset) })
        let usable = examples.filter { position[$0.intent] != nil && languageIndex[$0.language] != nil }
        let features = usable.map { TextFeatures(words: TextNormalizer.words($0.text)) }
        let (model, counts) = LinearTextModel.train(features, labels: usable.map { position[$0.intent]! }, classCount: intents.count)
        self.model = model
        language = LanguageGuesser(languages: languages, counts: counts, labels: usable.map { languageIndex[$0.language]! }, space: model.space)
    }

    /// Whether the classifier knows what "none of these" looks like (the bundle has out-of-scope
    /// examples). Without it, a topic always wins among topics, so a message must at least share
    /// a word with what the topics were trained on.
    var knowsOutOfScope: Bool { intents.contains(.outOfScope) }

    /// Whether some meaningful word of `words` (not one of `stopWords`) occurs in the training messages.
    func sharesAWord(_ words: [String], stopWords: Set<String>) -> Bool {
        words.contains { !stopWords.contains($0) && model.space.knows(word: $0) }
    }

    /// What the classifier makes of one message's normalized words.
    struct Reading {
        /// Every class with its score, best first (ties in class order).
        var ranked: [Score]
        /// Another of the bundle's languages the message is clearly written in.
        var otherLanguage: String?
    }

    /// Reads a message once: classes ranked, and its language compared with `current`.
    func read(_ list: WordList, current: String) -> Reading {
        let counts = model.space.counts(TextFeatures(list))
        let other = language.otherLanguage(of: counts, words: list.words.count, current: current)
        guard let scores = model.scores(counts) else { return Reading(ranked: [], otherLanguage: other) }
        let ranked = intents.indices
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            .map { Score(intent: intents[$0], score: scores[$0]) }
        return Reading(ranked: ranked, otherLanguage: other)
    }
}

extension TopicClassifier {
    /// The training set of a linked bundle, in a fixed order: languages in the manifest's order,
    /// flows and interrupts in bundle order.
    static func train(_ bundle: CompiledBundle) -> TopicClassifier {
        var intents: [Intent] = []
        var examples: [Example] = []
        for (index, flow) in bundle.flows.enumerated() where flow.listed {
            intents.append(.topic(index))
            for language in bundle.languages {
                if let title = flow.title.raw(language) { examples.append(Example(text: title, intent: .topic(index), language: language)) }
                for text in flow.triggers[language, default: []] + flow.examples[language, default: []] {
                    examples.append(Example(text: text, intent: .topic(index), language: language))
                }
            }
        }
        // An interrupt joins the classifier only with examples of its own: a handful of keywords
        // cannot teach a safety class, and its keywords fire on their own anyway.
        for (index, interrupt) in bundle.interrupts.enumerated() where bundle.languages.contains(where: { !interrupt.examples[$0, default: []].isEmpty }) {
            intents.append(.interrupt(index))
            for language in bundle.languages {
                for text in interrupt.triggers[language, default: []] + interrupt.examples[language, default: []] {
                    examples.append(Example(text: text, intent: .interrupt(index), language: language))
                }
            }
        }
        if let handoff = bundle.handoff, bundle.languages.contains(where: { !handoff.examples[$0, default: []].isEmpty }) {
            intents.append(.handoff)
            for language in bundle.languages {
                examples += handoff.examples[language, default: []].map { Example(text: $0, intent: .handoff, language: language) }
            }
        }
        let outOfScope = bundle.languages.flatMap { language in bundle.outOfScopeExamples[language, default: []].map { (language, $0) } }
        if !outOfScope.isEmpty {
            intents.append(.outOfScope)
            examples += outOfScope.map { Example(text: $1, intent: .outOfScope, language: $0) }
        }
        return TopicClassifier(intents: intents, languages: bundle.languages, examples: examples)
    }
}
