/// A reference to a flow by id, resolved to its index at load time.
struct FlowReference: Sendable {
    var written: String
    var origin: Origin
    var target: Int = -1
}
