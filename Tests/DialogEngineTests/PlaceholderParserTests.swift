@testable import DialogEngine
import Testing

@Suite struct PlaceholderParserTests {
    typealias Piece = PlaceholderParser.Piece

    @Test func splitsLiteralsAndPlaceholdersWithTheOffsetOfTheirBrace() {
        let parsed = PlaceholderParser.parse("Je betaalt {fee.amount} in {fee.year}, {name}.")
        #expect(parsed.brokenAt == nil)
        #expect(parsed.pieces == [
            .literal("Je betaalt "), .placeholder("fee.amount", offset: 11), .literal(" in "),
            .placeholder("fee.year", offset: 27), .literal(", "), .placeholder("name", offset: 39), .literal("."),
        ])
    }

    @Test func doubledBracesAreLiteralBracesAndALoneClosingBraceStays() {
        let parsed = PlaceholderParser.parse("{{not}} a } {x}")
        #expect(parsed == PlaceholderParser.Result(pieces: [.literal("{not} a } "), .placeholder("x", offset: 12)], brokenAt: nil))
    }

    @Test func namesAreTrimmedAndOffsetsCountUnicodeScalars() {
        // "é" and "👋" are one scalar each, whatever their UTF-8 length.
        let parsed = PlaceholderParser.parse("é👋{ name }")
        #expect(parsed.pieces == [.literal("é👋"), .placeholder("name", offset: 2)])
    }

    @Test(arguments: [
        ("Open {name", 5),
        ("Empty {} here", 6),
        ("Nested {a{b}} here", 7),
        ("ok {x} then {", 12),
    ])
    func aBrokenPlaceholderStopsParsingAtItsBrace(text: String, brace: Int) {
        let parsed = PlaceholderParser.parse(text)
        #expect(parsed.brokenAt == brace)
    }

    @Test func piecesBeforeABrokenPlaceholderAreKept() {
        let parsed = PlaceholderParser.parse("Hi {name}, {oops")
        #expect(parsed == PlaceholderParser.Result(pieces: [.literal("Hi "), .placeholder("name", offset: 3), .literal(", ")], brokenAt: 11))
    }

    @Test func onlyTextsWithBracesNeedParsing() {
        #expect(!PlaceholderParser.hasBraces("Bel 112 bij spoed."))
        #expect(PlaceholderParser.hasBraces("a } b"))
        #expect(PlaceholderParser.parse("").pieces.isEmpty)
    }
}
