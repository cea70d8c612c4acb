/// A question that may be answered from what the person already said ("I have supplementary
/// insurance" answers "How are you insured?"). With `"fill": true` choices and options fill from
/// their labels and synonyms; otherwise only from `phrases`, per answer (a choice id, an option
/// value, or `yes`/`no`) and language.
struct Fill: Sendable {
    var phrases: [String: [String: [String]]]
    var origin: Origin
}
