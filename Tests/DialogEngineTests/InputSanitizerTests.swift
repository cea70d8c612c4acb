import DialogEngine
import PropertyBased
import Testing

/// What the engine keeps of a reply: no control sequences, white space folded, at most
/// ``DialogEngine/maximumInputLength`` scalars, the same on the fast path for plain ASCII as on
/// the general one.
@Suite struct InputSanitizerTests {
    static let limit = 2_000

    @Test func aLongPasteIsCutAtTheLimitInScalars() {
        #expect(InputSanitizerProbe.clean(String(repeating: "a", count: 10_000)) == String(repeating: "a", count: Self.limit))
        #expect(InputSanitizerProbe.clean(String(repeating: "é", count: 10_000)) == String(repeating: "é", count: Self.limit))
        let words = InputSanitizerProbe.clean(String(repeating: "ab  \t", count: 3_000))
        #expect(words == String(repeating: "ab ", count: 666) + "ab")
        let marks = InputSanitizerProbe.clean("a" + String(repeating: "\u{301}", count: 100_000))
        #expect(marks.unicodeScalars.count == Self.limit)
    }

    /// Clean printable ASCII is passed on as it is, up to the limit and not one byte more.
    @Test func cleanASCIIAtTheLimitIsKeptWhole() {
        let atLimit = String(repeating: "ab c", count: Self.limit / 4)
        #expect(atLimit.utf8.count == Self.limit)
        #expect(InputSanitizerProbe.clean(atLimit) == atLimit)
        #expect(InputSanitizerProbe.clean(atLimit + "d") == atLimit)
        #expect(InputSanitizerProbe.clean("a~b\u{7F}c") == "a~bc")
        #expect(InputSanitizerProbe.clean("a b") == "a b")
        #expect(InputSanitizerProbe.clean(" a b ") == "a b")
    }

    /// The cleaning rules written plainly, scalar by scalar, as the specification.
    static func specification(_ text: String) -> String {
        let visible = ControlSequences.removed(from: String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit * 2))), keepingLineBreaks: false)
        var scalars: [Unicode.Scalar] = []
        for scalar in visible.unicodeScalars where !(scalar.properties.generalCategory == .format && scalar != "\u{200D}") {
            if scalar.properties.isWhitespace {
                if let last = scalars.last, last != " " { scalars.append(" ") }
            } else {
                scalars.append(scalar)
            }
            if scalars.count >= limit { break }
        }
        if scalars.last == " " { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    static let pieces = ["a", "Z", "7", " ", "  ", "\t", "\n", "\r\n", "\u{1B}[31m", "\u{1B}]0;t\u{07}", "\u{07}", "é", "e\u{301}",
                         "\u{200B}", "\u{200D}", "👩‍⚕️", "\u{A0}", "\u{2028}", "\u{202E}", "?", "/", "\u{7F}", "~"]

    @Test func everyInputIsCleanedAsSpecified() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0..<Self.pieces.count).array(of: 0...60), Gen.int(in: 0...3_000)) { picks, padding in
            let text = String(repeating: "x", count: padding) + picks.map { Self.pieces[$0] }.joined()
            #expect(InputSanitizerProbe.clean(text) == Self.specification(text))
        }
    }
}
