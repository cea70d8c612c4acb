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
        let engine = try Fixtures.demoEngine()
        #expect(script.problems(in: engine.bundle).isEmpty)
        let failure = script.run(on: engine)
        #expect(failure == nil, "\(failure?.description ?? "")")
    }

    @Test func theFirstFailingCheckStopsTheScriptWithExpectedAndActual() throws {
        let script = try ConversationScript(name: "wrong.convo", text: """
            lang en
            > 1
            = repair:ask_electric
            ~ no such words
            """)
        let failure = try #require(script.run(on: try Fixtures.demoEngine()))
        #expect(failure.description == """
            wrong.convo:3: wrong place after '1'
              expected: repair:ask_electric
              actual:   repair:start
            """)
    }

    @Test func commentsAtTheEndOfALineAreNotPartOfTheInputOrTheCheck() throws {
        let script = try ConversationScript(name: "readme.convo", text: """
            # the README's example
            lang en       # start in English
            > 1           # what the person types
            = repair:start  # where the conversation must be now
            ~ which wheel   # text the turn must contain
            ! not: electric # text it must not contain
            """)
        #expect(script.inputCount == 1)
        #expect(script.run(on: try Fixtures.demoEngine()) == nil)
    }

    @Test func mustNotSayFailsWhenTheTextIsThere() throws {
        let script = try ConversationScript(name: "not.convo", text: "lang en\n> 1\n! not: Which WHEEL\n")
        let failure = try #require(script.run(on: try Fixtures.demoEngine()))
        #expect(failure.description == """
            not.convo:3: unwanted text after '1'
              expected: not 'Which WHEEL'
              actual:   Which wheel is flat? | The front wheel | The rear wheel
            """)
    }

    @Test func unknownNamesAreFoundBeforeTheScriptRunsWithSuggestions() throws {
        let script = try ConversationScript(name: "names.convo", text: """
            lang de
            > 1
            = repiar:start
            = repair:strat
            = repair:
            ! outcome notUnderstod
            ! handoff requestd
            """)
        let engine = try Fixtures.demoEngine()
        #expect(script.problems(in: engine.bundle).map(\.description) == [
            "names.convo:1: error: unknown language 'de'; the bundle has en, nl (did you mean 'en'?)",
            "names.convo:3: error: unknown flow 'repiar' (did you mean 'repair'?)",
            "names.convo:4: error: unknown node 'strat' in flow 'repair' (did you mean 'start'?)",
            "names.convo:6: error: unknown outcome 'notUnderstod' (did you mean 'notUnderstood'?)",
            "names.convo:7: error: unknown handoff reason 'requestd' (did you mean 'requested'?)",
        ])
        #expect(script.namedFlows == ["repiar", "repair"])
    }

    @Test func aMalformedLineIsASyntaxError() {
        #expect(throws: ConversationScript.SyntaxError(name: "bad.convo", line: 2, message: "a line starts with >, =, ~, !, + or @ (or # for a comment)")) {
            try ConversationScript(name: "bad.convo", text: "> hi\nhello there")
        }
        #expect(throws: ConversationScript.SyntaxError(name: "bad.convo", line: 1, message: "'!' takes 'ended', 'outcome NAME', 'handoff REASON' or 'not: TEXT'")) {
            try ConversationScript(name: "bad.convo", text: "! never")
        }
    }

    @Test func aHandoffIsCheckedWithItsReason() throws {
        var files = Fixtures.demoFiles()
        files["handoff.json"] = HandoffTests.handoffFile
        let engine = DialogEngine(bundle: try DialogBundle.load(files: files))
        let passing = try ConversationScript(name: "human.convo", text: "lang en\n> /human\n! handoff requested\n> 1\n")
        #expect(passing.run(on: engine) == nil)
        let failing = try ConversationScript(name: "human.convo", text: "lang en\n> /human\n! handoff emergency\n")
        #expect(failing.run(on: engine)?.description == """
            human.convo:3: no handoff after '/human'
              expected: emergency
              actual:   requested
            """)
    }
}
