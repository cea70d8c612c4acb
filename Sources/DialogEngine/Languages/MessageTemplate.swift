/// Filling in the `{name}` placeholders of a language pack's messages. The engine does this on
/// every turn (the transcript's "lines left out" marker, "Do you mean …?"), so the template's
/// bytes are searched directly and the result is written into storage allocated once.
enum MessageTemplate {
    /// `template` with each `{name}` that `values` has replaced by its value. Values are not
    /// searched for placeholders, so one that itself holds "{name}" (a label, a file name) stays
    /// as it is; a brace with no value stays as written.
    static func fill(_ template: String, with values: [String: String]) -> String {
        fill(template) { name in value(named: name, in: values) }
    }

    /// `template` with each `{name}` replaced by `value`: for the messages with one placeholder,
    /// without a dictionary to build and search.
    static func fill(_ template: String, _ name: String, with value: String) -> String {
        fill(template) { spelled in
            // Equal bytes make equal strings, but so do canonically equivalent spellings.
            name.hasUTF8(spelled) || name == String(decoding: spelled, as: UTF8.self) ? value : nil
        }
    }

    private static func fill(_ template: String, lookup: (UnsafeBufferPointer<UInt8>) -> String?) -> String {
        var template = template
        return template.withUTF8 { bytes in
            // Measured first, then written. Braces are ASCII, so each piece of the template
            // starts and ends on a Unicode scalar boundary.
            var count = 0
            forEachPiece(of: bytes, lookup) { piece in
                switch piece {
                case .literal(let range): count += range.count
                case .value(let value): count += value.utf8.count
                }
            }
            return String(unsafeUninitializedCapacity: count) { buffer in
                var written = 0
                func copy(_ source: UnsafeBufferPointer<UInt8>) {
                    guard let start = source.baseAddress else { return }
                    (buffer.baseAddress! + written).update(from: start, count: source.count)
                    written += source.count
                }
                forEachPiece(of: bytes, lookup) { piece in
                    switch piece {
                    case .literal(let range): copy(UnsafeBufferPointer(rebasing: bytes[range]))
                    case .value(var value): value.withUTF8 { copy($0) }
                    }
                }
                return written
            }
        }
    }

    /// A run of the template's own bytes, or the value that replaces a placeholder.
    private enum Piece {
        case literal(Range<Int>)
        case value(String)
    }

    private static func forEachPiece(of bytes: UnsafeBufferPointer<UInt8>, _ lookup: (UnsafeBufferPointer<UInt8>) -> String?,
                                     _ body: (Piece) -> Void) {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var copied = 0, index = 0
        while index < bytes.count {
            guard bytes[index] == open,
                  let end = bytes[(index + 1)...].firstIndex(of: close),
                  let value = lookup(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])) else {
                index += 1
                continue
            }
            if copied < index { body(.literal(copied..<index)) }
            body(.value(value))
            index = end + 1
            copied = index
        }
        if copied < bytes.count { body(.literal(copied..<bytes.count)) }
    }

    /// The value of the placeholder spelled `name`. A message has one or two values, so they are
    /// compared byte by byte before any name is hashed.
    private static func value(named name: UnsafeBufferPointer<UInt8>, in values: [String: String]) -> String? {
        for (key, value) in values where key.hasUTF8(name) { return value }
        // Equal bytes make equal strings, but so do canonically equivalent spellings.
        return values[String(decoding: name, as: UTF8.self)]
    }
}
