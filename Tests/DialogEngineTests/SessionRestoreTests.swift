import DialogEngine
import Foundation
import PropertyBased
import Testing

/// `restore` trusts nothing in a save: every counter, position, variable and return point is
/// checked, so a hostile or outdated save either fails with a clear error or gives a session
/// that can go on.
@Suite struct SessionRestoreTests {
    /// A save as a mutable JSON tree, made from a conversation that has history, variables, a plan
    /// and a call stack (the survey is called from the repair flow).
    static func savedTree(_ engine: DialogEngine) throws -> [String: Any] {
        var (session, _) = engine.start(language: "en")
        _ = engine.reply("1", in: &session)
        _ = engine.reply("front", in: &session)
        _ = engine.reply("no", in: &session)
        let data = try SavedSession(session, engine: engine).encoded()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func data(_ tree: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys])
    }

    static func editingSession(_ tree: [String: Any], _ edit: (inout [String: Any]) -> Void) -> [String: Any] {
        var tree = tree
        var session = tree["session"] as? [String: Any] ?? [:]
        edit(&session)
        tree["session"] = session
        return tree
    }

    @Test(arguments: ["repair:start", "paint:start"])
    func aHugeMissCountDoesNotCrashTheNextMiss(_ position: String) throws {
        let engine = try Fixtures.demoWithPaintEngine()
        let tree = Self.editingSession(try Self.savedTree(engine)) {
            $0["position"] = position
            $0["callStack"] = []
            $0["misses"] = Int.max
        }
        var (session, _) = try engine.restore(try Self.data(tree))
        let first = engine.reply("xyzzy plugh", in: &session)
        let second = engine.reply("xyzzy plugh", in: &session)
        #expect(first.outcome == (position == "paint:start" ? .invalid : .notUnderstood))
        #expect(second.outcome == first.outcome)
        #expect(second.node == "start")
    }

    @Test func aStepBackToANodeThatNoLongerWaitsIsDroppedWithANote() throws {
        let engine = try Fixtures.demoEngine()
        let tree = Self.editingSession(try Self.savedTree(engine)) { session in
            var history = session["history"] as? [[String: Any]] ?? []
            history[history.count - 1]["position"] = "repair:electric_price"
            session["history"] = history
        }
        let (restored, notes) = try engine.restore(try Self.data(tree))
        #expect(notes == [.stepBackDropped(question: "repair:electric_price")])
        var session = restored
        let turn = engine.back(&session)
        #expect(turn.node == "start")
        #expect(turn.expects.kind == .choice)
    }

    @Test func aCurrentPositionOnAMessageMovesToTheStartOfItsFlow() throws {
        let engine = try Fixtures.demoEngine()
        let tree = Self.editingSession(try Self.savedTree(engine)) { $0["position"] = "repair:normal_price" }
        var (session, notes) = try engine.restore(try Self.data(tree))
        #expect(notes == [.questionGone(question: "repair:normal_price")])
        #expect(session.position == "repair:start")
        #expect(engine.reply("1", in: &session).node == "ask_electric")
    }

    @Test func undeclaredAndWronglyTypedVariablesAreDroppedEverywhere() throws {
        let engine = try Fixtures.demoEngine()
        let tree = Self.editingSession(try Self.savedTree(engine)) { session in
            session["variables"] = ["wheel": "sideways", "electric": 3, "ghost": true]
            var history = session["history"] as? [[String: Any]] ?? []
            history[history.count - 1]["variables"] = ["bikes": "many", "wheel": "front"]
            session["history"] = history
        }
        var (session, notes) = try engine.restore(try Self.data(tree))
        #expect(session.variables.isEmpty)
        #expect(notes == ["electric", "ghost", "wheel", "bikes"].map { .answerDropped(variable: $0) })
        _ = engine.back(&session)
        #expect(session.variables == ["wheel": .text("front")])
        let saved = String(decoding: try SavedSession(session, engine: engine).encoded(), as: UTF8.self)
        #expect(!saved.contains("ghost") && !saved.contains("many"))
    }

    @Test func returnPointsThatDoNotExistAreDropped() throws {
        let engine = try Fixtures.demoEngine()
        let tree = Self.editingSession(try Self.savedTree(engine)) { session in
            session["callStack"] = ["nowhere:at_all", "repair:done"]
            var history = session["history"] as? [[String: Any]] ?? []
            history[history.count - 1]["callStack"] = ["gone:gone"]
            session["history"] = history
        }
        var (session, _) = try engine.restore(try Self.data(tree))
        let turn = engine.reply("yes", in: &session)
        #expect(turn.node == "done")
        #expect(turn.ended)
    }

    @Test func aSaveOverTheSizeLimitIsRefused() throws {
        let engine = try Fixtures.demoEngine()
        let tree = Self.editingSession(try Self.savedTree(engine)) {
            $0["transcript"] = [["speaker": "person", "text": String(repeating: "a", count: SavedSession.maximumSize)]]
        }
        let data = try Self.data(tree)
        #expect(throws: SessionRestoreError(code: .tooLarge, detail: String(data.count))) { try engine.restore(data) }
        #expect(SessionRestoreError(code: .tooLarge, detail: "9000000").description
            == "this saved conversation is too large (9000000 bytes; at most \(SavedSession.maximumSize))")
    }

    @Test func anEndedFlagWithoutAnEndIsMadeConsistent() throws {
        let engine = try Fixtures.demoEngine()
        let tree = Self.editingSession(try Self.savedTree(engine)) {
            $0["position"] = NSNull()
            $0["ended"] = false
            $0["offeredFlow"] = "hours"
        }
        var (session, _) = try engine.restore(try Self.data(tree))
        #expect(session.ended)
        let turn = engine.reply("opening hours", in: &session)
        #expect(turn.node == "start")
        #expect(turn.expects.kind == .number)
    }

    @Test func offersOfTopicsAndLanguagesThatDoNotExistAreDropped() throws {
        let engine = try Fixtures.demoEngine()
        var tree = Self.editingSession(try Self.savedTree(engine)) {
            $0["offeredTopics"] = ["gone", "hours"]
            $0["mentions"] = Array(repeating: String(repeating: "x", count: 10_000), count: 50)
        }
        var (session, _) = try engine.restore(try Self.data(tree))
        var turn = engine.current(&session)
        #expect(turn.choices.map(\.id) == ["hours", "no"])
        #expect(turn.question == "Is your question about 'Opening hours'?")
        tree = Self.editingSession(tree) {
            $0["offeredTopics"] = ["gone"]
            $0["offeredLanguage"] = "fr"
        }
        (session, _) = try engine.restore(try Self.data(tree))
        turn = engine.current(&session)
        #expect(turn.node == "ask")
        #expect(turn.question == "Was this helpful?")
        #expect(turn.expects.kind == .choice)
    }

    // MARK: Any mutation

    /// Values a careless tool or an attacker might put anywhere in a save.
    static var replacements: [Any] {
        [
        Int.max, Int.min, -1, 0, 1, 1e308, 2.5, true, false, NSNull(), "", "x", [] as [Any], [:] as [String: Any],
        "repair:electric_price", "repair:done", "repair:feedback", "welcome:menu", "survey:ask", "paint:start", "nope:nope",
        "hours", "repair", ["repair:check", "repair:done"], ["wheel": 7], ["bikes": 3], ["electric": "yes"],
        [["item": "bring_bike", "node": "repair:add_plan"], ["item": "x", "node": "welcome:menu"]],
        [["position": "repair:check", "callStack": ["x"], "variables": ["wheel": "front"], "plan": [], "ended": false]],
        [["speaker": "robot", "text": 5]], String(repeating: "\u{1B}]0;title\u{07}", count: 50),
        "fr", "nl", ["hours", "nope"], ["gone"], ["repair", "hours", "paint"], Array(repeating: "a long mention", count: 20),
        ]
    }

    /// Every path in a JSON tree, as keys and indexes.
    static func paths(in value: Any, prefix: [AnyHashable] = []) -> [[AnyHashable]] {
        var result = [prefix]
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() { result += paths(in: object[key]!, prefix: prefix + [key]) }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() { result += paths(in: element, prefix: prefix + [index]) }
        }
        return result
    }

    /// `value` with the element at `path` replaced (nil removes it).
    static func replacing(_ path: ArraySlice<AnyHashable>, in value: Any, with replacement: Any?) -> Any? {
        guard let first = path.first else { return replacement }
        if var object = value as? [String: Any], let key = first as? String {
            object[key] = replacing(path.dropFirst(), in: object[key] ?? NSNull(), with: replacement)
            return object
        }
        if var array = value as? [Any], let index = first as? Int, array.indices.contains(index) {
            if let new = replacing(path.dropFirst(), in: array[index], with: replacement) {
                array[index] = new
            } else {
                array.remove(at: index)
            }
            return array
        }
        return value
    }

    /// A session can go on when it waits for an answer or has ended, and stays so after a reply and
    /// after going all the way back.
    static func expectCanGoOn(_ engine: DialogEngine, _ session: inout DialogSession, context: String) {
        func check(_ turn: Turn, _ step: String) {
            #expect(turn.ended || turn.expects.kind != .none, "stuck after \(step): \(turn.node) for \(context)")
        }
        check(engine.current(&session), "restore")
        check(engine.reply("xyzzy plugh", in: &session), "a reply not understood")
        check(engine.reply("1", in: &session), "the answer 1")
        var steps = 0
        while session.undoDepth > 0 && steps < 200 {
            check(engine.back(&session), "back")
            steps += 1
        }
        check(engine.reply("2", in: &session), "the answer 2 after going back")
    }

    @Test func anyMutationRestoresToASessionThatCanGoOnOrFailsClearly() async throws {
        let engine = try Fixtures.demoWithPaintEngine()
        let tree = try Self.savedTree(engine)
        // Optional fields a save may lack are mutated too.
        let optional: [[AnyHashable]] = ["offeredFlow", "offeredTopics", "offeredLanguage", "mentions"].map { ["session", $0] }
        let paths = Self.paths(in: tree).filter { !$0.isEmpty } + optional
        #expect(paths.count > 50)
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int.max).array(of: 1...4)) { choices in
            var mutated: Any = tree
            var described: [String] = []
            for choice in choices {
                let path = paths[choice % paths.count]
                let pick = (choice / paths.count) % (Self.replacements.count + 1)
                let replacement: Any? = pick == Self.replacements.count ? nil : Self.replacements[pick]
                mutated = Self.replacing(path[...], in: mutated, with: replacement) ?? tree
                described.append("\(path) = \(replacement.map { "\($0)" } ?? "removed")")
            }
            guard let object = mutated as? [String: Any], let data = try? Self.data(object) else { return }
            do throws(SessionRestoreError) {
                var (session, _) = try engine.restore(data)
                Self.expectCanGoOn(engine, &session, context: described.joined(separator: "; "))
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }
}
