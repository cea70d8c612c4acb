@testable import DialogEngine
import Testing

/// Reading strings as bytes: the helpers the byte-level fast paths are built on.
@Suite struct UTF8BytesTests {
    private static func bytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test func hasUTF8ComparesTheExactBytes() {
        // Short strings are stored inline, long ones in a buffer: both are compared.
        #expect(Self.bytes("count") { "count".hasUTF8($0) })
        let long = String(repeating: "één regel ", count: 20)
        #expect(Self.bytes(long) { long.hasUTF8($0) })
        #expect(Self.bytes("") { "".hasUTF8($0) })
        #expect(!Self.bytes("counts") { "count".hasUTF8($0) })
        #expect(!Self.bytes("cound") { "count".hasUTF8($0) })
        #expect(!Self.bytes(long + "!") { long.hasUTF8($0) })
        // Canonically equivalent, so equal as strings, but not the same bytes.
        #expect("é" == "e\u{301}")
        #expect(!Self.bytes("e\u{301}") { "é".hasUTF8($0) })
    }

    @Test func decodeScalarReadsTwoThreeAndFourByteSequences() {
        for scalar in ["é", "€", "🙂", "\u{10FFFF}"].flatMap(\.unicodeScalars) {
            let decoded = Self.bytes(String(scalar)) { UTF8Bytes.decodeScalar($0, at: 0) }
            #expect(decoded.0 == scalar.value)
            #expect(decoded.1 == String(scalar).utf8.count)
        }
        #expect("plain text".isASCII)
        #expect(!"café".isASCII)
    }
}
