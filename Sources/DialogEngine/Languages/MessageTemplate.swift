/// A message of a language pack, cut at its `{name}` placeholders once, when the pack is made.
/// The engine fills some on every turn (the transcript's "lines left out" marker, "Do you mean
/// …?"), and scanning the text each time cost more than the rest of the message.
struct MessageTemplate: Sendable {
    private enum Piece: Sendable {
        case text(String)
        /// A placeholder: its name, and how it is written, which stays when it gets no value.
        case placeholder(name: String, written: String)
    }

    /// The template as written.
    let text: String
    private let pieces: [Piece]

    /// Cuts `text` at its placeholders: a `{`, a name, and the next `}`. A name never holds a
    /// brace: in `{a {b}`, the first brace is text and `{b}` the placeholder.
    init(_ text: String) {
        self.text = text
        let bytes = text.utf8
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var pieces: [Piece] = []
        var copied = bytes.startIndex, index = bytes.startIndex
        while index < bytes.endIndex {
            let start = bytes.index(after: index)
            guard bytes[index] == open, let end = bytes[start...].firstIndex(where: { $0 == open || $0 == close }), bytes[end] == close else {
                index = bytes.index(after: index)
                continue
            }
            // Braces are ASCII, so every cut is on a Unicode scalar boundary.
            if copied < index { pieces.append(.text(String(text[copied..<index]))) }
            let after = bytes.index(after: end)
            pieces.append(.placeholder(name: String(text[start..<end]), written: String(text[index..<after])))
            index = after
            copied = after
        }
        if copied < bytes.endIndex { pieces.append(.text(String(text[copied...]))) }
        self.pieces = pieces
    }

    /// The message with each placeholder that `value` names a value for replaced by it; the
    /// others stay as written. Values are not searched for placeholders, so one that itself
    /// holds "{name}" (a label, a file name) stays as it is.
    func filled(_ value: (String) -> String?) -> String {
        // Looked up once each: the string below walks the pieces twice.
        let values = pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .placeholder(let name, let written): value(name) ?? written
            }
        }
        return String(concatenating: values)
    }

    /// The message with each placeholder that `values` has replaced by its value.
    func filled(with values: [String: String]) -> String {
        values.isEmpty ? text : filled { values[$0] }
    }
}
