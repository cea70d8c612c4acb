/// Questions the person already answered in their own words are filled, not asked again: "I have
/// supplementary insurance, who pays?" skips "How are you insured?". Only questions the author
/// marked with `fill`, only when exactly one answer is named, and never when the phrase is denied
/// ("not supplementary"). The engine says what it filled, and `back` undoes it.
extension DialogEngine {
    /// The answer earlier messages give to the question at `node`, if exactly one is given.
    func filledAnswer(at node: Int, session: DialogSession) -> Answer? {
        guard let mentions = session.mentions, !mentions.isEmpty, let phrases = compiled.fillPhrases[node] else { return nil }
        for mention in mentions.reversed() {
            let words = TextNormalizer.words(mention)
            let hashes = words.map(WordList.hash)
            var found = Set<Int>()
            for (target, phrase) in phrases where Self.says(phrase, in: words, hashes: hashes) { found.insert(target) }
            if found.count == 1, let target = found.first {
                if case .input(let spec) = compiled.nodes[node].kind, case .yesNo = spec.type { return .value(.bool(target == 0)) }
                return .choice(target)
            }
            if found.count > 1 { return nil }
        }
        return nil
    }

    /// Fills the question at `node` from earlier messages; returns where to go on, or nil when it
    /// must be asked.
    func fill(at node: Int, in turn: inout TurnContext) -> Int? {
        guard let answer = filledAnswer(at: node, session: turn.session) else { return nil }
        turn.session.position = compiled.qualifiedID(of: node)
        turn.session.rememberForBack()
        let strings = compiled.strings(turn.session.language)
        switch (compiled.nodes[node].kind, answer) {
        case (.ask(let ask), .choice(let index)):
            turn.builder.say(strings.alreadyAnswered(render(ask.choices[index].label, turn.session)))
        case (.input(let spec), .choice(let index)):
            if case .oneOf(let options) = spec.type { turn.builder.say(strings.alreadyAnswered(render(options[index].label, turn.session))) }
        case (.input(let spec), .value(let value)):
            turn.builder.say(strings.alreadyAnswered("\(render(spec.question, turn.session)) \(value == .bool(true) ? strings.yes : strings.no)"))
        default:
            break
        }
        return record(answer, at: node, in: &turn)
    }

    /// Whether `phrase` occurs in `words` (with their ``WordList/hash(_:)``) as a run of words
    /// and is not denied just before.
    static func says(_ phrase: [String], in words: [String], hashes: [UInt64]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        // The first word's hash first: most starts fail at once, without comparing strings.
        let first = WordList.hash(phrase[0])
        for start in 0...(words.count - phrase.count)
        where hashes[start] == first && phrase.indices.allSatisfy({ words[start + $0] == phrase[$0] }) {
            let before = words[max(0, start - 2)..<start]
            if !before.contains(where: negations.contains) || negations.contains(phrase[0]) { return true }
        }
        return false
    }

    static let negations: Set<String> = ["not", "no", "dont", "doesnt", "without", "never", "niet", "geen", "zonder", "nooit", "isnt", "havent"]
}
