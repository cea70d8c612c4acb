/// A question answered by free input, stored in a typed variable.
struct Input: Sendable {
    enum InputType: Sendable {
        case yesNo
        case number(minimum: Double?, maximum: Double?)
        case text(maximumLength: Int)
        case oneOf([Option])
    }

    struct Option: Sendable {
        var value: String
        var label: LocalizedText
        var synonyms: [String: [String]]
    }

    var question: LocalizedText
    var variable: String
    var variableOrigin: Origin
    var type: InputType
    /// What to say when the answer does not fit, instead of the engine's general words.
    var invalid: LocalizedText?
    var next: NodeReference
}
