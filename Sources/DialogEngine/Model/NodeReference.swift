/// A reference to a node as written (`"next": "ask_insurance"` or `"costs:start"`), and the
/// node index it resolves to once the whole bundle is loaded.
struct NodeReference: Sendable {
    var written: String
    var origin: Origin
    /// The index into ``CompiledBundle/nodes``; -1 until resolved.
    var target: Int = -1

    /// The flow part of a qualified reference (`costs` in `costs:start`), if any.
    var flow: String? {
        guard let colon = written.firstIndex(of: ":") else { return nil }
        return String(written[..<colon])
    }

    /// The node part of the reference.
    var node: String {
        guard let colon = written.firstIndex(of: ":") else { return written }
        return String(written[written.index(after: colon)...])
    }
}
