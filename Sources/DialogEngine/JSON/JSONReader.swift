/// A JSON syntax error with the position where reading stopped.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    package var message: String
    package var location: SourceLocation
}

/// Reads JSON (RFC 8259) while keeping the line and column of every value and key.
///
/// Foundation's decoders report no position for a wrong field deep in a file; authors need one.
package struct JSONReader {
    /// The document, borrowed for the length of one `parse` call.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    private static let maximumDepth = 200

    /// Whether string values are checked to be valid UTF-8: a `String`'s bytes always are.
    private let checksUTF8: Bool

    private init(bytes: UnsafeBufferPointer<UInt8>, checksUTF8: Bool) {
        self.bytes = bytes
        self.checksUTF8 = checksUTF8
        // A UTF-8 byte order mark is allowed and skipped.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    /// Parses a complete document; anything but white space after the value is an error.
    package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(JSONSyntaxError) in try parse(buffer: bytes, checksUTF8: false) } }.get()
    }

    /// Parses a complete document given as bytes; a string value that is not valid UTF-8 is an error.
    package static func parse(utf8 bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { bytes in Result { () throws(JSONSyntaxError) in try parse(buffer: bytes, checksUTF8: true) } }.get()
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>, checksUTF8: Bool) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: buffer, checksUTF8: checksUTF8)
        reader.skipWhitespace()
        let value = try reader.readValue()
        reader.skipWhitespace()
        if reader.index < reader.bytes.count {
            throw reader.error("unexpected \(reader.describeCurrent()) after the end of the document")
        }
        return value
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column) }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, location: location)
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x20 { return "space" }
        if byte < 0x20 { return "control character U+\(String(byte, radix: 16, uppercase: true).leftPadded(to: 4))" }
        return "character"
    }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
                column += 1
            case 0x0A:
                index += 1
                line += 1
                column = 1
            default: return
            }
        }
    }

    private mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        let start = location
        guard index < bytes.count else { throw error("expected a value but the file ends here") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return JSONValue(kind: .string(try readString()), location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(kind: .number(try readNumber()), location: start)
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return JSONValue(kind: .bool(true), location: start)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return JSONValue(kind: .bool(false), location: start)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return JSONValue(kind: .null, location: start)
        case UInt8(ascii: "'"):
            throw error("strings must use double quotes (\"), not single quotes")
        default:
            throw error("expected a value but found \(describeCurrent())")
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("nesting is deeper than \(Self.maximumDepth) levels") }
    }

    private mutating func readObject() throws(JSONSyntaxError) -> JSONValue {
        let start = location
        try enter()
        advance()  // {
        var members: [JSONValue.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            advance()
            depth -= 1
            return JSONValue(kind: .object(members), location: start)
        }
        // Where the last comma was, so a trailing comma is reported where it is written.
        var comma = location
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    throw JSONSyntaxError(message: "trailing comma before '}': remove the last comma", location: comma)
                }
                throw error("expected a member name in double quotes but found \(describeCurrent())")
            }
            let keyLocation = location
            let key = try readString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after member name \"\(key)\" but found \(describeCurrent())")
            }
            advance()
            skipWhitespace()
            let value = try readValue()
            members.append(JSONValue.Member(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error("the file ends inside an object: add '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                comma = location
                advance()
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                advance()
                depth -= 1
                return JSONValue(kind: .object(members), location: start)
            }
            throw error("expected ',' or '}' after a member but found \(describeCurrent())")
        }
    }

    private mutating func readArray() throws(JSONSyntaxError) -> JSONValue {
        let start = location
        try enter()
        advance()  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            advance()
            depth -= 1
            return JSONValue(kind: .array(elements), location: start)
        }
        var comma = location
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw JSONSyntaxError(message: "trailing comma before ']': remove the last comma", location: comma)
            }
            elements.append(try readValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("the file ends inside an array: add ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                comma = location
                advance()
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                advance()
                depth -= 1
                return JSONValue(kind: .array(elements), location: start)
            }
            throw error("expected ',' or ']' after an element but found \(describeCurrent())")
        }
    }

    private mutating func readLiteral(_ word: String) throws(JSONSyntaxError) {
        for expected in word.utf8 {
            guard index < bytes.count, bytes[index] == expected else {
                throw error("expected '\(word)' but found \(describeCurrent())")
            }
            advance()
        }
    }

    private mutating func readNumber() throws(JSONSyntaxError) -> Double {
        let startIndex = index
        func digits(_ reader: inout JSONReader) -> Int {
            var count = 0
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) {
                reader.advance()
                count += 1
            }
            return count
        }
        if bytes[index] == UInt8(ascii: "-") { advance() }
        if index < bytes.count, bytes[index] == UInt8(ascii: "0") {
            advance()
            if index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                throw error("numbers must not have leading zeros")
            }
        } else if digits(&self) == 0 {
            throw error("expected a digit but found \(describeCurrent())")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            advance()
            if digits(&self) == 0 { throw error("expected a digit after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            advance()
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { advance() }
            if digits(&self) == 0 { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[startIndex..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw error("'\(text)' is not a number") }
        return value
    }

    private mutating func readString() throws(JSONSyntaxError) -> String {
        advance()  // opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ reader: JSONReader, into scalars: inout String.UnicodeScalarView, from start: Int) throws(JSONSyntaxError) {
            guard start < reader.index else { return }
            scalars.append(contentsOf: try reader.slice(from: start).unicodeScalars)
        }
        while true {
            // Plain characters up to the next quote, backslash or control character: no line
            // break can be among them, so only the column moves (once per character, not byte).
            var scan = index, characters = 0
            while scan < bytes.count {
                let byte = bytes[scan]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                scan += 1
                characters &+= byte & 0xC0 == 0x80 ? 0 : 1
            }
            index = scan
            column += characters
            guard index < bytes.count else { throw error("the file ends inside a string: add the closing '\"'") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if scalars.isEmpty {
                    // No escape in the string (the usual case): one conversion, no scalar copying.
                    let text = try slice(from: runStart)
                    advance()
                    return text
                }
                try flush(self, into: &scalars, from: runStart)
                advance()
                return String(scalars)
            }
            if byte == UInt8(ascii: "\n") {
                throw error("a string cannot span lines: close it with '\"' or write \\n for a line break")
            }
            if byte < 0x20 {
                throw error("control character inside a string: write it as an escape such as \\t")
            }
            if byte == UInt8(ascii: "\\") {
                try flush(self, into: &scalars, from: runStart)
                advance()
                guard index < bytes.count else { throw error("the file ends inside an escape sequence") }
                let escape = bytes[index]
                advance()
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try readHex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("a \\u escape for a high surrogate must be followed by a low surrogate")
                        }
                        advance()
                        advance()
                        let low = try readHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate in \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("\\u escape is not a valid character") }
                    scalars.append(scalar)
                default:
                    throw error("unknown escape sequence '\\\(Character(Unicode.Scalar(escape)))'")
                }
                runStart = index
            }
        }
    }

    /// The text from `start` up to the current byte, which ends a run of plain characters.
    /// Decoding the bytes takes a fifth of the instructions of slicing a `String` by UTF-8
    /// offsets, or of `String(validating:)`. It replaces a broken sequence with U+FFFD, so where
    /// bytes are checked, a string whose bytes differ from the document's was not valid UTF-8.
    private func slice(from start: Int) throws(JSONSyntaxError) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let text = String(decoding: raw, as: UTF8.self)
        if checksUTF8, !text.hasUTF8(raw) {
            throw error("the text is not valid UTF-8: save the file as UTF-8")
        }
        return text
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                throw error("expected four hexadecimal digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
