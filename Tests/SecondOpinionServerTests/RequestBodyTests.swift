import Foundation
import Testing
@testable import SecondOpinionServer

/// Reading request bodies strictly, and header values without Foundation.
@Suite struct RequestBodyTests {
    private func body(_ json: String, allowed: [String] = TurnInput.fields) throws(APIError) -> RequestBody {
        try RequestBody(Array(json.utf8), allowed: allowed)
    }

    @Test func theFirstOfTwoMembersWithOneNameCounts() throws {
        #expect(try body(#"{"text":"first","text":"second"}"#).string("text") == "first")
        #expect(try body(#"{"text":"first","text":5}"#).string("text") == "first")
    }

    @Test func nullCountsAsAbsent() throws {
        let request = try body(#"{"text":"hi","choice":null}"#)
        #expect(request.present == ["text"])
        #expect(try request.string("choice") == nil)
    }

    @Test func whiteSpaceAloneIsAnEmptyObject() throws {
        #expect(try body(" \n\t").present == [])
    }

    @Test func escapesAndNonASCIITextReadBack() throws {
        #expect(try body(#"{"text":"caf\u00e9 \"zo\"\nnee 🙂"}"#).string("text") == "café \"zo\"\nnee 🙂")
    }

    @Test(arguments: [(#"{"text":null"#, "line 1, column 13"), ("{\"text\":\"a\"} x", "line 1, column 14"),
                      (#"{"text":"hi",}"#, "line 1, column 14"), (#"{"text":"\q"}"#, "line 1, column 11")])
    func brokenJSONIsInvalid(json: String, location: String) {
        #expect(throws: APIError(.invalidJSON, "The body is not valid JSON; send one JSON object such as {\"text\":\"hello\"}.", at: location)) {
            try body(json)
        }
    }

    @Test(arguments: ["[1]", "\"text\"", "7", "null"])
    func aValueThatIsNotAnObjectIsTheWrongType(json: String) {
        #expect(throws: APIError(.wrongType, "The body must be a JSON object such as {\"text\":\"hello\"}.", at: "$")) { try body(json) }
    }

    @Test func aNestedValueIsNamedByItsKind() throws {
        let request = try body(#"{"text":[[{"a":[1]}]]}"#)
        #expect(throws: APIError(.wrongType, "'text' must be a string, not an array.", at: "$.text")) { try request.string("text") }
    }

    @Test(arguments: [
        ("  token  ", "token"), ("\ttoken\t", "token"), ("\u{00A0}token\u{2003}", "token"), (" to ken ", "to ken"),
        ("\ntoken\n", "\ntoken\n"), ("", ""), ("   ", ""), ("tökén\u{3000}", "tökén"),
    ])
    func headerValuesLoseTheSpacesFoundationWouldTrim(value: String, trimmed: String) {
        #expect(HeaderValue.trimmed(value) == trimmed)
        #expect(String(HeaderValue.trimmed(value)) == value.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: [("Bearer abc", true), ("bearer abc", true), ("BEARER abc", true), ("bEaReR ", true), ("Bearer", false),
                      ("Bearerabc", false), ("Basic abc", false), ("", false), ("Béarer abc", false)])
    func theBearerSchemeIsReadInAnyCase(header: String, matches: Bool) {
        #expect(HeaderValue.hasPrefix(header, caseInsensitive: "bearer ") == matches)
    }
}
