@testable import DialogEngine
import Testing

/// Columns inside a JSON string: each escape takes as many columns as it is written with.
@Suite struct StringColumnTests {
    static let quote = SourceLocation(line: 2, column: 8)

    static func column(_ offset: Int, _ literal: String) -> Int {
        StringColumn.column(of: offset, inStringAt: quote, in: "{\n  \"a\": " + literal + "\n}")
    }

    @Test func plainTextIsOneColumnPerScalar() {
        #expect(Self.column(0, #""{x}""#) == 9)
        #expect(Self.column(5, #""café {x}""#) == 14)
    }

    @Test func escapesTakeTheirWrittenWidth() {
        // `\"ab\" {x}`: the brace is decoded scalar 5, written 8 columns after the quote.
        #expect(Self.column(5, #""\"ab\" {x}""#) == 16)
        #expect(Self.column(2, #""\u00e9 {x}""#) == 16)
        #expect(Self.column(2, #""\n\t{x}""#) == 13)
    }

    @Test func aSurrogatePairIsOneScalarOfTwelveColumns() {
        #expect(Self.column(2, #""\ud83d\udeb2 {x}""#) == 22)
        // The JSON reader refuses a lone high surrogate; should one reach a diagnostic, it is
        // counted as one scalar of six columns and what follows is read on.
        #expect(Self.column(2, #""\ud83d {x}""#) == 16)
    }

    @Test func withoutTheFileOrItsQuoteEveryScalarIsOneColumn() {
        #expect(StringColumn.column(of: 4, inStringAt: Self.quote, in: nil) == 13)
        #expect(StringColumn.column(of: 4, inStringAt: SourceLocation(line: 2, column: 3), in: "{\n  \"a\": \"\\\"x\"\n}") == 8)
        #expect(StringColumn.column(of: 4, inStringAt: SourceLocation(line: 9, column: 1), in: "{}") == 6)
    }
}
