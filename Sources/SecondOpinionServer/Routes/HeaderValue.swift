/// Reading header values on every request without Foundation: `trimmingCharacters(in:)` went
/// through `NSString` and, with lower-casing the whole header, cost a few percent of a turn.
enum HeaderValue {
    /// `value` without the spaces and tabs at either end: the characters of
    /// `CharacterSet.whitespaces` (tab and the space separators), as Foundation trims them.
    static func trimmed(_ value: some StringProtocol) -> Substring {
        var scalars = Substring(value).unicodeScalars[...]
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        return Substring(scalars)
    }

    /// Whether `value` starts with `prefix` (ASCII, given in lower case) in any letter case.
    static func hasPrefix(_ value: String, caseInsensitive prefix: StaticString) -> Bool {
        let wanted = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        var given = value.utf8.makeIterator()
        for expected in wanted {
            guard let byte = given.next() else { return false }
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            guard lower == expected else { return false }
        }
        return true
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
    }
}
