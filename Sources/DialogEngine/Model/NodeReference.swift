/// A reference to a node as written (`"next": "ask_insurance"` or `"costs:start"`), and the
/// node index it resolves to once the whole bundle is loaded.
struct NodeReference: Sendable {
    var written: String
    var origin: Origin
    /// The index into ``CompiledBundle/nodes``; -1 until resolved.
    var target: Int = -1

    /// Where the `:` of a qualified reference is. Searched as a byte: a search by `Character`
    /// runs grapheme breaking over every reference the loader resolves.
    var colon: String.Index? { written.utf8.firstIndex(of: UInt8(ascii: ":")) }

    /// The flow part of a qualified reference (`costs` in `costs:start`), if any.
    var flow: String? {
        guard let colon else { return nil }
        return String(written[..<colon])
    }

    /// The node part of the reference.
    var node: String {
        guard let colon else { return written }
        return String(written[written.utf8.index(after: colon)...])
    }
}
