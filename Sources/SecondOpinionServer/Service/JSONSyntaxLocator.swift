/// Finds where a JSON text stops being valid, as `line L, column C` (1-based, columns in
/// characters). Foundation's decoder on Linux says only that the data is not valid JSON, and an
/// API client needs the place. Runs only on bodies that already failed to decode.
struct JSONSyntaxLocator {
    private let bytes: [UInt8]
    private var index = 0

    /// The place of the first syntax error in `bytes`, or nil when the text is valid JSON.
    static func firstError(in bytes: [UInt8]) -> String? {
        var locator = JSONSyntaxLocator(bytes: bytes)
        guard let offset = locator.errorOffset() else { return nil }
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return "line \(line), column \(column)"
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func errorOffset() -> Int? {
        skipSpace()
        guard value() else { return index }
        skipSpace()
        return index < bytes.count ? index : nil
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { index += 1 }
    }

    private mutating func expect(_ character: Character) -> Bool {
        guard current == character.asciiValue else { return false }
        index += 1
        return true
    }

    private mutating func value() -> Bool {
        switch current {
        case UInt8(ascii: "{"): return container(close: "}", member: { $0.member() })
        case UInt8(ascii: "["): return container(close: "]", member: { $0.value() })
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte): return number()
        default: return false
        }
    }

    private mutating func container(close: Character, member: (inout JSONSyntaxLocator) -> Bool) -> Bool {
        index += 1
        skipSpace()
        if expect(close) { return true }
        while true {
            skipSpace()
            guard member(&self) else { return false }
            skipSpace()
            if expect(close) { return true }
            guard expect(",") else { return false }
        }
    }

    private mutating func member() -> Bool {
        guard current == UInt8(ascii: "\""), string() else { return false }
        skipSpace()
        guard expect(":") else { return false }
        skipSpace()
        return value()
    }

    private mutating func string() -> Bool {
        index += 1
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return true
            case UInt8(ascii: "\\"):
                index += 1
                guard let escaped = current, Array("\"\\/bfnrtu".utf8).contains(escaped) else { return false }
                index += 1
                if escaped == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        guard let digit = current, Character(Unicode.Scalar(digit)).isHexDigit else { return false }
                        index += 1
                    }
                }
            case 0x00..<0x20:
                return false
            default:
                index += 1
            }
        }
        return false
    }

    private mutating func literal(_ word: String) -> Bool {
        for byte in word.utf8 {
            guard current == byte else { return false }
            index += 1
        }
        return true
    }

    private mutating func number() -> Bool {
        _ = expect("-")
        guard digits() else { return false }
        if expect(".") { guard digits() else { return false } }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() else { return false }
        }
        return true
    }

    private mutating func digits() -> Bool {
        let start = index
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index > start
    }
}
