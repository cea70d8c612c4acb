import Foundation
import Testing
@testable import DialogEngine

/// `JSONWriter` escapes strings as Foundation's `JSONEncoder` does (`.withoutEscapingSlashes`),
/// also where its eight-bytes-at-a-time scan meets a byte to escape at any place in a word.
@Suite struct JSONWriterEscapingTests {
    static func foundation(_ string: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(string), as: UTF8.self)
    }

    static func written(_ string: String) -> String {
        var writer = JSONWriter()
        writer.value(string)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func everyASCIICharacterIsWrittenAsFoundationWritesIt() throws {
        for scalar in 0..<128 {
            let character = String(UnicodeScalar(UInt8(scalar)))
            // Alone, and at every place of a word of eight bytes and the next.
            for padding in 0..<17 {
                let text = String(repeating: "a", count: padding) + character + "é🙂 tail of the string"
                #expect(Self.written(text) == (try Self.foundation(text)), "byte \(scalar) after \(padding) bytes")
            }
        }
    }

    @Test(arguments: ["", "a", "12345678", "1234567\"", "\\2345678", "zeven\u{7F}ok", "Straße /pad/ \u{1F}", "🙂🙂🙂🙂", "ééééé\"é",
                      String(repeating: "lange regel zonder iets bijzonders ", count: 40) + "\n", "\u{0}\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}"])
    func stringsOfEveryLengthAreWrittenAsFoundationWritesThem(text: String) throws {
        #expect(Self.written(text) == (try Self.foundation(text)))
    }

    @Test func theWordTestFindsExactlyTheBytesToEscape() {
        for byte in 0..<256 {
            let escapes = byte < 0x20 || byte == 0x22 || byte == 0x5C
            for place in 0..<8 {
                let word = UInt64(0x6161_6161_6161_6161) & ~(UInt64(0xFF) << (8 * place)) | (UInt64(byte) << (8 * place))
                #expect(JSONWriter.needsEscaping(word) == escapes, "byte \(byte) at \(place)")
            }
        }
    }
}
