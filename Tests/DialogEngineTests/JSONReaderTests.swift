@testable import DialogEngine
import Testing

@Suite struct JSONReaderTests {
    @Test func keepsPositionsOfNestedValues() throws {
        let json = try JSONReader.parse("{\n  \"a\": [1, {\"b\": \"é\"}],\n  \"c\": true\n}")
        let b = try #require(json["a"]?.elements?[1]["b"])
        #expect(b.string == "é")
        #expect(b.location == SourceLocation(line: 2, column: 18))
        #expect(json["c"]?.location == SourceLocation(line: 3, column: 8))
        // Paths are looked up by location, for a value, a member name or a place inside a string.
        let paths = JSONPathTable(json)
        #expect(paths.path(at: b.location)?.description == "$.a[1].b")
        #expect(paths.path(at: SourceLocation(line: 2, column: 19))?.description == "$.a[1].b")
        #expect(paths.path(at: SourceLocation(line: 2, column: 3))?.description == "$.a")
        #expect(paths.path(at: SourceLocation(line: 2, column: 11))?.description == "$.a[0]")
        #expect(paths.path(at: SourceLocation(line: 3, column: 8))?.description == "$.c")
        #expect(paths.path(at: SourceLocation(line: 1, column: 1))?.description == "$")
    }

    @Test func countsColumnsInCharactersNotBytes() throws {
        let json = try JSONReader.parse("{\"één\": \"€\", \"x\": 1}")
        #expect(json["x"]?.location == SourceLocation(line: 1, column: 19))
    }

    /// A document given as a `String` is valid UTF-8 already; given as bytes, each string is
    /// checked as UTF-8. Both read the same values at the same places.
    @Test func readsTheSameFromTextAndFromBytes() throws {
        let text = "\u{FEFF}{\"één\": [\"€ 385\", \"a\\\"b\\u00e9c\", \"\", \"🙂 x\"],\n \"\\u0041\": {\"k\": \"Straße\"}}"
        let fromText = try JSONReader.parse(text), fromBytes = try JSONReader.parse(utf8: Array(text.utf8))
        for json in [fromText, fromBytes] {
            #expect(json["één"]?.elements?.map { $0.string ?? "-" } == ["€ 385", "a\"béc", "", "🙂 x"])
            #expect(json["A"]?["k"]?.string == "Straße")
            #expect(json["A"]?["k"]?.location == SourceLocation(line: 2, column: 18))
            #expect(json["één"]?.elements?[3].location == SourceLocation(line: 1, column: 38))
        }
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(utf8: [0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D]) }  // ["\xC3("]
        // A cut-off four-byte sequence decodes to U+FFFD, three bytes as well: only comparing
        // the bytes themselves finds it.
        let cutOff = #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(utf8: [0x5B, 0x22, 0xF0, 0x90, 0x80, 0x22, 0x5D]) }
        #expect(cutOff?.message == "the text is not valid UTF-8: save the file as UTF-8")
    }

    @Test func decodesEscapes() throws {
        let json = try JSONReader.parse(#"["a\"b\\c\n\u00e9\ud83d\ude00"]"#)
        #expect(json.elements?.first?.string == "a\"b\\c\né😀")
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "trailing comma before '}': remove the last comma", 1, 8),
        ("[1,\n]", "trailing comma before ']': remove the last comma", 1, 3),
        ("[1 2]", "expected ',' or ']' after an element but found '2'", 1, 4),
        ("{\"a\" 1}", "expected ':' after member name \"a\" but found '1'", 1, 6),
        ("{\"a\": \"x\n\"}", "a string cannot span lines: close it with '\"' or write \\n for a line break", 1, 9),
        ("{\"a\": tru}", "expected 'true' but found '}'", 1, 10),
        ("{\"a\": 01}", "numbers must not have leading zeros", 1, 8),
        ("{}\n{}", "unexpected '{' after the end of the document", 2, 1),
        ("", "expected a value but the file ends here", 1, 1),
        ("{\"a\": [1, 2", "the file ends inside an array: add ']'", 1, 12),
    ])
    func reportsSyntaxErrorsWithPosition(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        #expect(throws: JSONSyntaxError(message: message, location: SourceLocation(line: line, column: column))) {
            try JSONReader.parse(text)
        }
    }

    @Test func refusesExcessiveNesting() {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(deep) }
    }
}
