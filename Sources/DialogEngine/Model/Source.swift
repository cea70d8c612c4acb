/// A citable reference: where a fact comes from.
struct Source: Sendable {
    var id: String
    var title: LocalizedText
    var publisher: LocalizedText
    var url: String?
    var checked: String
    var origin: Origin
}
