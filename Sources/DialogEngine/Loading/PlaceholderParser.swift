/// Splits a text as written into literal runs and `{placeholders}`, before any name in them is
/// looked up. `{{` and `}}` stand for one literal brace; a lone `}` is kept as it is.
enum PlaceholderParser {
    /// One run of a parsed text.
    enum Piece: Equatable {
        /// Text shown as written (escaped braces already undone).
        case literal(String)
        /// `{name}` with the name trimmed, and the Unicode scalar offset of its `{` in the text.
        case placeholder(String, offset: Int)
    }

    /// A text parsed up to its first problem.
    struct Result: Equatable {
        var pieces: [Piece]
        /// The scalar offset of a `{` that is never closed, encloses nothing, or encloses another
        /// `{`; parsing stops there.
        var brokenAt: Int?
    }

    /// Whether `text` has any brace at all; most texts have none and need no parsing.
    static func hasBraces(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
    }

    static func parse(_ text: String) -> Result {
        var pieces: [Piece] = []
        var literal = ""
        var offset = 0
        var scalars = text.unicodeScalars[...]
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
        }
        while let scalar = scalars.popFirst() {
            defer { offset += 1 }
            switch scalar {
            case "{" where scalars.first == "{":
                scalars.removeFirst()
                offset += 1
                literal += "{"
            case "{":
                let open = offset
                var name = ""
                var closed = false
                while let next = scalars.popFirst() {
                    offset += 1
                    if next == "}" {
                        closed = true
                        break
                    }
                    name.unicodeScalars.append(next)
                }
                guard closed, !name.isEmpty, !name.contains("{") else {
                    flush()
                    return Result(pieces: pieces, brokenAt: open)
                }
                flush()
                pieces.append(.placeholder(String(name.trimmingWhitespace()), offset: open))
            case "}":
                if scalars.first == "}" {
                    scalars.removeFirst()
                    offset += 1
                }
                literal += "}"
            default:
                literal.unicodeScalars.append(scalar)
            }
        }
        flush()
        return Result(pieces: pieces, brokenAt: nil)
    }
}
