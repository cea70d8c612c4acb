/// Writes compact JSON (RFC 8259) straight into bytes, for the few values written on every turn:
/// the wire form of a ``Turn`` and a saved session.
///
/// Foundation's `JSONEncoder` builds a tree of boxed values and sorts keys at run time; for a
/// session it took milliseconds, most of the server's time per turn. The writers of the hot types
/// write the same JSON as their `Codable` forms (tests compare the two), so whatever reads one
/// reads the other. Strings are escaped as Foundation does with `.withoutEscapingSlashes`.
package struct JSONWriter {
    /// A value JSON cannot hold.
    package struct InvalidValue: Error, Sendable, Equatable, CustomStringConvertible {
        /// The number that is not finite (infinity or not-a-number).
        package var number: Double

        package init(number: Double) {
            self.number = number
        }

        package var description: String { "\(number) cannot be written as JSON" }
    }

    /// The JSON written so far.
    package private(set) var bytes: [UInt8] = []
    private var needsComma = false
    private var afterKey = false

    /// An empty writer with room for `capacity` bytes.
    package init(capacity: Int = 1_024) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: - Structure

    /// Starts an object as the next value.
    package mutating func beginObject() {
        startValue()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Ends the innermost object.
    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Starts an array as the next value.
    package mutating func beginArray() {
        startValue()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Ends the innermost array.
    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next value written is its value. `key` is written as given, so
    /// it must need no escaping (the writers' keys are Swift property names).
    package mutating func key(_ key: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        // Two appends, not an array of two: the array was allocated for every key written.
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes a key whose text comes from data (a variable's name), escaped like any string.
    package mutating func key(_ key: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    // MARK: - Values

    /// Writes a string.
    package mutating func value(_ string: String) {
        startValue()
        writeString(string)
        needsComma = true
    }

    /// Writes an integer.
    package mutating func value(_ number: Int) {
        startValue()
        bytes.append(contentsOf: String(number).utf8)
        needsComma = true
    }

    /// Writes a number as Foundation does: the shortest form that reads back as the same
    /// `Double`, without a trailing `.0`.
    package mutating func value(_ number: Double) throws(InvalidValue) {
        guard number.isFinite else { throw InvalidValue(number: number) }
        startValue()
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    /// Writes `true` or `false`.
    package mutating func value(_ flag: Bool) {
        startValue()
        let word: StaticString = flag ? "true" : "false"
        word.withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    /// Writes an array of strings.
    package mutating func value(_ strings: [String]) {
        beginArray()
        for string in strings { value(string) }
        endArray()
    }

    // MARK: - Fields (a key and its value; optional ones are left out when nil, as Codable does)

    package mutating func field(_ name: StaticString, _ string: String) {
        key(name)
        value(string)
    }

    package mutating func field(_ name: StaticString, _ string: String?) {
        guard let string else { return }
        field(name, string)
    }

    package mutating func field(_ name: StaticString, _ number: Int) {
        key(name)
        value(number)
    }

    package mutating func field(_ name: StaticString, _ number: Int?) {
        guard let number else { return }
        field(name, number)
    }

    package mutating func field(_ name: StaticString, _ number: Double?) throws(InvalidValue) {
        guard let number else { return }
        key(name)
        try value(number)
    }

    package mutating func field(_ name: StaticString, _ flag: Bool) {
        key(name)
        value(flag)
    }

    package mutating func field(_ name: StaticString, _ strings: [String]) {
        key(name)
        value(strings)
    }

    package mutating func field(_ name: StaticString, _ strings: [String]?) {
        guard let strings else { return }
        field(name, strings)
    }

    // MARK: - Writing

    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
    }

    private mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let count = utf8.count
            var start = 0
            var index = 0
            while index < count {
                // Eight bytes at a time while none needs escaping: most text needs none, and a
                // byte at a time was a third of writing a long session.
                while index + 8 <= count, !Self.needsEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                guard index < count else { break }
                let byte = base[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
                    appendEscaped(byte)
                    start = index + 1
                }
                index += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes in `word` is a control character (below 0x20), `"` or `\`.
    /// Each test is exact for "any byte": `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when a
    /// byte of `x` is zero, and `(x - n…) & ~x & 0x80…` when a byte is below `n` (n at most 0x80).
    /// Bytes of 0x80 and above (UTF-8 beyond ASCII) never count, as JSON writes them as they are.
    @inline(__always)
    static func needsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let quoteOrBackslash = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        return (control | quoteOrBackslash) & highBits != 0
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
            }
        }
    }
}
