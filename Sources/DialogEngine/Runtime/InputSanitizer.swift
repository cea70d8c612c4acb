/// Makes whatever a person typed safe to match and to store: control characters and escape
/// sequences removed, white space folded, length capped. Linear in the length of the input.
enum InputSanitizer {
    /// Longer answers are cut; nobody types an answer this long, and matching stays fast.
    static let maximumLength = 2_000

    static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        // Cut before the scan so a huge paste costs no more than a long answer.
        let head = String(text.unicodeScalars.prefix(maximumLength * 2))
        let visible = ControlSequences.removed(from: head, keepingLineBreaks: false)
        if visible.isASCII { return cleanASCII(visible) }
        var result = String.UnicodeScalarView()
        var count = 0
        var lastWasSpace = true
        for scalar in visible.unicodeScalars {
            // Zero-width format characters (but the joiner inside emoji) carry nothing to match.
            if scalar.properties.generalCategory == .format && scalar != "\u{200D}" { continue }
            if scalar.properties.isWhitespace {
                if !lastWasSpace {
                    result.append(" ")
                    count += 1
                }
                lastWasSpace = true
            } else {
                result.append(scalar)
                count += 1
                lastWasSpace = false
            }
            if count >= maximumLength { break }
        }
        var cleaned = String(result)
        if cleaned.hasSuffix(" ") { cleaned.removeLast() }
        return cleaned
    }

    /// Whether `text` is already what cleaning makes of it: printable ASCII within the length
    /// limit, single spaces between words and none at either end. Most replies are, and are
    /// passed on without a copy.
    private static func isClean(_ text: String) -> Bool {
        guard text.utf8.count <= maximumLength else { return false }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.first != 0x20, bytes.last != 0x20 else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                guard byte >= 0x20, byte <= 0x7E, !(byte == 0x20 && previous == 0x20) else { return false }
                previous = byte
            }
            return true
        }
    }

    /// The same rules on bytes, for the usual reply: after the control characters are gone,
    /// ASCII has no format characters and only the space is white space.
    private static func cleanASCII(_ visible: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(visible.utf8.count, maximumLength))
        var lastWasSpace = true
        for byte in visible.utf8 {
            if byte == 0x20 {
                if !lastWasSpace { bytes.append(byte) }
                lastWasSpace = true
            } else {
                bytes.append(byte)
                lastWasSpace = false
            }
            if bytes.count >= maximumLength { break }
        }
        if bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
