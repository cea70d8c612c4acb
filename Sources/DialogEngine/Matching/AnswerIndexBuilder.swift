/// Builds what matching reads on every turn, once per bundle: the interrupts' keywords, each
/// question's answer phrases, and the phrases that may fill a question from earlier messages.
struct AnswerIndexBuilder {
    let bundle: CompiledBundle
    let context: LoadContext
    private let words: LanguageWords
    // Split once: every yes/no question gets the same words, sorted because the index's order
    // breaks ties and must not depend on a set's order.
    private let yesPhrases: [Phrase]
    private let noPhrases: [Phrase]

    /// Fills `bundle`'s indexes from its linked nodes.
    static func build(_ bundle: inout CompiledBundle, context: LoadContext) {
        AnswerIndexBuilder(bundle: bundle, context: context).fill(&bundle)
    }

    private init(bundle: CompiledBundle, context: LoadContext) {
        self.bundle = bundle
        self.context = context
        words = bundle.indexWords
        yesPhrases = words.yes.sorted().map(Phrase.init)
        noPhrases = words.no.sorted().map(Phrase.init)
    }

    /// Writes the indexes of the nodes read from `self.bundle` into `bundle`, the same bundle.
    private func fill(_ bundle: inout CompiledBundle) {
        bundle.interruptKeywords = interruptKeywords()
        for (index, node) in bundle.nodes.enumerated() {
            if let answers = answerIndex(of: node) { bundle.answerIndexes[index] = answers }
            if let fill = node.fill { bundle.fillPhrases[index] = fillPhrases(node, fill) }
        }
    }

    private func interruptKeywords() -> KeywordSpotter {
        var spotter = KeywordSpotter(words: words)
        // In the manifest's language order, so that ties between phrases break the same way on every run.
        for (index, interrupt) in bundle.interrupts.enumerated() {
            for language in bundle.languages {
                for phrase in interrupt.triggers[language, default: []] { spotter.add(phrase, for: index) }
            }
        }
        return spotter
    }

    /// The labels and synonyms of a question's answers; nil for a node that takes no choice.
    private func answerIndex(of node: Node) -> PhraseIndex? {
        var phrases = PhraseIndex(words: words)
        // Who wrote each phrase so far, newest last: a question has a few dozen phrases at most,
        // and comparing word lists costs less than hashing every list into a dictionary.
        var owners: [(words: [String], target: Int, id: String)] = []
        func add(_ text: String, _ target: Int, _ id: String, _ origin: Origin) {
            let phrase = Phrase(text)
            if !phrase.words.isEmpty, let other = owners.last(where: { $0.words == phrase.words }), other.target != target {
                context.report(.sharedSynonym(text, first: other.id, second: id, node: node.id), at: origin)
            }
            owners.append((phrase.words, target, id))
            phrases.add(phrase, for: target)
        }
        switch node.kind {
        case .ask(let question):
            for (index, choice) in question.choices.enumerated() {
                for label in choice.label.raws { add(label, index, choice.id, choice.origin) }
                for list in choice.synonyms.values { for synonym in list { add(synonym, index, choice.id, choice.origin) } }
                if choice.id == "yes" { for phrase in yesPhrases { phrases.add(phrase, for: index, authored: false) } }
                if choice.id == "no" { for phrase in noPhrases { phrases.add(phrase, for: index, authored: false) } }
            }
        case .input(let input):
            guard case .oneOf(let options) = input.type else { return nil }
            for (index, option) in options.enumerated() {
                for label in option.label.raws { add(label, index, option.value, node.origin) }
                for list in option.synonyms.values { for synonym in list { add(synonym, index, option.value, node.origin) } }
                phrases.add(option.value, for: index)
            }
        default:
            return nil
        }
        phrases.finish()
        return phrases
    }

    /// The phrases that answer a `fill` question: its choices' labels and synonyms and the
    /// author's extra phrases, each with at least one meaningful word.
    private func fillPhrases(_ node: Node, _ fill: Fill) -> [(target: Int, phrase: [String])] {
        let languages = bundle.languages
        func texts(_ label: LocalizedText, _ synonyms: [String: [String]]) -> [String] {
            languages.compactMap { label.raw($0) } + languages.flatMap { synonyms[$0, default: []] }
        }
        let answers: [(id: String, texts: [String])]
        switch node.kind {
        case .ask(let question): answers = question.choices.map { ($0.id, texts($0.label, $0.synonyms)) }
        case .input(let input):
            switch input.type {
            case .yesNo: answers = [("yes", []), ("no", [])]
            case .oneOf(let options): answers = options.map { ($0.value, texts($0.label, $0.synonyms)) }
            default: return []
            }
        default: return []
        }
        var result: [(target: Int, phrase: [String])] = []
        // `"fill": true` trusts the labels and synonyms; a phrase table replaces them, since a
        // short synonym ("basic") is safe as an answer but not inside any sentence.
        let ownPhrases = fill.phrases.isEmpty
        for (target, answer) in answers.enumerated() {
            let extra = languages.flatMap { fill.phrases[answer.id]?[$0] ?? [] }
            for text in (ownPhrases ? answer.texts : []) + extra {
                let words = TextNormalizer.words(text)
                guard words.contains(where: { !self.words.stop.contains($0) }),
                      !(words.count == 1 && (self.words.yes.contains(words[0]) || self.words.no.contains(words[0]))) else { continue }
                result.append((target, words))
            }
        }
        return result
    }
}
