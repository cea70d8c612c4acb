import DialogEngine
import Testing

/// Each Fixtures/conversations/*.convo script plays a whole conversation against the demo bundle
/// and checks where it goes and what it says at every turn.
@Suite struct ConversationScriptTests {
    static let scripts = Fixtures.files(in: "conversations", suffix: ".convo")

    @Test func scriptsExist() {
        #expect(Self.scripts.count >= 4)
    }

    @Test(arguments: scripts)
    func scriptPasses(_ name: String) throws {
        let script = try ConversationScript(name: name, text: try Fixtures.text("conversations", name))
        #expect(script.inputCount > 0)
        let failures = script.run(on: try Fixtures.demoEngine())
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func aWrongExpectationIsReportedWithItsLine() throws {
        let script = try ConversationScript(name: "wrong.convo", text: """
            lang en
            > 1
            = repair:ask_electric
            ~ no such words
            """)
        let failures = script.run(on: try Fixtures.demoEngine())
        #expect(failures.map(\.description) == [
            "wrong.convo:3: expected to be at repair:ask_electric but was at repair:start after '1'",
            "wrong.convo:4: expected the turn to say 'no such words'; it said: Which wheel is flat? after '1'",
        ])
    }

    @Test func aMalformedLineIsASyntaxError() {
        #expect(throws: ConversationScript.SyntaxError(name: "bad.convo", line: 2, message: "a line starts with >, =, ~, !, + or @ (or # for a comment)")) {
            try ConversationScript(name: "bad.convo", text: "> hi\nhello there")
        }
    }
}
