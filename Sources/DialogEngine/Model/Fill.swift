/// A question that may be answered from what the person already said ("I have supplementary
/// insurance" answers "How are you insured?"). With `"fill": true` choices and options fill from
/// their labels and synonyms; otherwise only from `phrases`, per answer (a choice id, an option
/// value, or `yes`/`no`) and language.
///
/// A class, so that a node holds one reference: few questions fill, and a value kept in every
/// node made each 24 bytes larger. It never changes after loading.
final class Fill: Sendable {
    let phrases: [String: [String: [String]]]
    let origin: Origin

    init(phrases: [String: [String: [String]]], origin: Origin) {
        self.phrases = phrases
        self.origin = origin
    }
}
