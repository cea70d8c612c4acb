/// A reference to a node as written (`"next": "ask_insurance"` or `"costs:start"`), and the
/// node index it resolves to once the whole bundle is loaded.
struct NodeReference: Sendable {
    var written: String
    var origin: Origin
    /// Kept as 32 bits, so that a reference takes 32 bytes: every choice and most nodes hold one.
    private var targetIndex: Int32 = -1

    init(written: String, origin: Origin) {
        self.written = written
        self.origin = origin
    }

    /// The index into ``CompiledBundle/nodes``; -1 until resolved.
    var target: Int {
        get { Int(targetIndex) }
        set { targetIndex = Int32(newValue) }
    }

    /// Where the `:` of a qualified reference is. In an ASCII reference (nearly all) the byte is
    /// the character, and a search by `Character` would run grapheme breaking over every
    /// reference the loader resolves; elsewhere a `:` with a combining mark is no colon.
    var colon: String.Index? {
        if written.isASCII { return written.utf8.firstIndex(of: UInt8(ascii: ":")) }
        return written.firstIndex(of: ":")
    }

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
