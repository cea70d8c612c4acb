import DialogEngine
import Foundation
import Testing

/// Turns and saved sessions are written as JSON directly (`JSONWriter`), not through `Codable`:
/// what is written must be what the `Codable` forms give, for every kind of turn the shipped
/// dialogs make, so clients and stores read it as before.
@Suite struct JSONWritingTests {
    /// Every message of the routing file in its language, with answers, commands, a handoff, a
    /// language switch and text that needs escaping in between, restarting now and then so
    /// sessions of every size are written.
    static func inputs(language: String) throws -> [String] {
        let messages = try Shipped.routingCases("routing.tsv").filter { $0.language == language }.map(\.text)
        let between = ["1", "2", "ja", "nee", "yes", "no", "/help", "/back", "/topics", "/human", "3",
                       "Ik zeg \"hallo\" \\ met een tab\tén /schuine streep/ 🙂", "I would like to continue in English please", "/restart"]
        var inputs: [String] = []
        for (index, message) in messages.enumerated() {
            inputs.append(message)
            inputs.append(between[index % between.count])
        }
        return inputs
    }

    @Test(arguments: ["nl", "en"])
    func turnsAndSessionsAreWrittenAsTheirCodableForms(language: String) throws {
        let engine = try Shipped.engine()
        let inputs = try Self.inputs(language: language)
        #expect(inputs.count > 100)
        var (session, greeting) = engine.start(language: language, at: Date(timeIntervalSinceReferenceDate: 800_000_000.125))
        var turns = [greeting]
        var writtenKeys = Set<String>()
        try expectSameJSON(session, engine: engine, keys: &writtenKeys)
        for input in inputs {
            let turn = switch input {
            case "/back": engine.back(&session)
            case "/restart": engine.restart(&session)
            case "/human": engine.handOff(&session)
            default: engine.reply(input, in: &session)
            }
            turns.append(turn)
            try expectSameJSON(session, engine: engine, keys: &writtenKeys)
        }
        for turn in turns {
            #expect(try turn.wireJSON() == Turn.wireEncoder.encode(turn))
        }
        // A field added to the session must be written too: every one appears in some session here.
        // The transcript's lines and the variables are stored as `lines` and `variableValues`,
        // and written under their public names.
        let publicNames = ["lines": "transcript", "variableValues": "variables"]
        let fields = Set(Mirror(reflecting: session).children.compactMap(\.label).map { publicNames[$0] ?? $0 })
        #expect(fields.subtracting(writtenKeys).isEmpty, "never written: \(fields.subtracting(writtenKeys).sorted())")
        #expect(turns.contains { $0.routing != nil } && turns.contains { $0.handoff != nil })
    }

    @Test func aTurnWithEveryFieldIsWrittenAsItsCodableForm() throws {
        let source = SourceReference(id: "s1", title: "Title \"quoted\"", publisher: "Pub/lisher", url: "https://example.org/a?b=c", checked: "2026-01-02")
        let turn = Turn(
            flow: "costs", node: "ask", language: "nl", messages: ["Line one\nline two", "tab\there \u{1} \u{1F} back\\slash", "é ü 🙂 \u{2028}"],
            question: "How many?", choices: [.init(number: 1, id: "a", label: "A")],
            expects: .init(kind: .number, minimum: 0.5, maximum: 1e21), sources: [source],
            plan: [PlanEntry(id: "p", text: "Step", sources: [source])], ended: false, outcome: .answered,
            events: [], routing: Routing(decision: .topic, topic: "costs", candidates: [.init(id: "costs", score: 0.1 + 0.2), .init(id: "x", score: 1e-7)]),
            handoff: .init(reason: .emergency, interrupt: "crisis"))
        let written = try turn.wireJSON()
        #expect(written == (try Turn.wireEncoder.encode(turn)))
        #expect(Set(try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any]).keys) == Set(Turn.WireKey.allCases.map(\.rawValue)))
    }

    @Test func aNumberJSONCannotHoldIsAnError() throws {
        let turn = Turn(flow: "f", node: "n", language: "en", messages: [], question: nil, choices: [], expects: .init(kind: .number, minimum: .infinity),
                        sources: [], plan: [], ended: false, outcome: .answered, events: [])
        #expect(throws: (any Error).self) { try Turn.wireEncoder.encode(turn) }
        #expect(throws: JSONWriter.InvalidValue(number: .infinity)) { try turn.wireJSON() }
    }

    /// The written save decodes to the same session, and is the same JSON as `JSONEncoder` makes.
    private func expectSameJSON(_ session: DialogSession, engine: DialogEngine, keys: inout Set<String>) throws {
        let saved = SavedSession(session, engine: engine)
        var writer = JSONWriter()
        try saved.write(to: &writer)
        let written = Data(writer.bytes)
        #expect(try JSONDecoder().decode(SavedSession.self, from: written) == saved)
        let object = try #require(try JSONSerialization.jsonObject(with: written) as? NSDictionary)
        let expected = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(saved)) as? NSDictionary)
        #expect(object == expected)
        keys.formUnion(((object["session"] as? [String: Any]) ?? [:]).keys)
    }
}
