@testable import DialogEngine
import Testing

/// The checks every JSON object of a bundle goes through.
@Suite struct LoadContextTests {
    /// A key twice is reported at its second place, in small objects (compared key by key) and
    /// in large ones (looked up in a set) alike.
    @Test(arguments: [3, 40])
    func aRepeatedKeyIsReportedWhereItAppearsAgain(members: Int) throws {
        let keys = (0..<members).map { "k\($0)" }
        let lines = keys.map { "  \"\($0)\": 1," } + ["  \"k1\": 2"]
        let text = "{\n" + lines.joined(separator: "\n") + "\n}"
        let context = LoadContext()
        context.sources = ["flows/big.json": text]
        let checked = context.checkObject(try JSONReader.parse(text), file: "flows/big.json", what: "node 'big'", allowed: keys)
        #expect(checked)
        #expect(context.diagnostics.map(\.message) == ["'k1' appears more than once in node 'big'"])
        #expect(context.diagnostics.first?.location == SourceLocation(line: members + 2, column: 3))
        #expect(context.diagnostics.first?.path == "$.k1")
    }

    @Test(arguments: [3, 40])
    func aMissingRequiredFieldIsReported(members: Int) throws {
        let keys = (0..<members).map { "k\($0)" }
        let text = "{" + keys.map { "\"\($0)\": 1" }.joined(separator: ", ") + "}"
        let context = LoadContext()
        context.checkObject(try JSONReader.parse(text), file: "flows/big.json", what: "node 'big'", allowed: keys + ["next"], required: ["k0", "next"])
        #expect(context.diagnostics.map(\.message) == ["node 'big' needs 'next'"])
    }
}
