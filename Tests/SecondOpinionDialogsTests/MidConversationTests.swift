import DialogEngine
import Foundation
import Testing

/// What someone types at a question in the middle of a conversation, and where it must go
/// (Data/midconversation.tsv): taken as the answer, help, a topic switch, a safety answer, or an
/// offer to switch language. Free text never ends or derails the conversation unless it says so.
@Suite struct MidConversationTests {
    struct Case: Sendable, CustomStringConvertible {
        var line: Int
        var language: String
        var steps: [String]
        var typed: String
        var expect: String
        var argument: String

        var description: String { "line \(line) [\(language)] '\(typed)' after \(steps): expected \(expect) \(argument)" }
    }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: Shipped.dataDirectory.appendingPathComponent("midconversation.tsv"), encoding: .utf8)
        var cases: [Case] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(columns.count == 4, "line \(offset + 1): \(columns)")
            let steps = columns[1] == "-" ? [] : columns[1].components(separatedBy: " | ")
            let expectation = columns[3].split(separator: " ", maxSplits: 1).map(String.init)
            cases.append(Case(line: offset + 1, language: columns[0], steps: steps, typed: columns[2], expect: expectation[0],
                              argument: expectation.count > 1 ? expectation[1] : ""))
        }
        return cases
    }

    /// What went wrong with one case, or nil.
    static func check(_ item: Case, engine: DialogEngine) -> String? {
        var (session, _) = engine.start(language: item.language)
        for step in item.steps { _ = engine.reply(step, in: &session) }
        let before = session.position
        let turn = engine.reply(item.typed, in: &session)
        let at = "\(turn.flow):\(turn.node)"
        let got = "at \(at), outcome \(turn.outcome.rawValue), routing \(turn.routing.map { "\($0.decision.rawValue) \($0.topic ?? "") \($0.candidates.map(\.id))" } ?? "none")"
        switch item.expect {
        case "at":
            return at == item.argument && (turn.outcome == .answered || turn.ended) ? nil : got
        case "help":
            // "?" is the help command; anything else is help with the question.
            let helped = [.notUnderstood, .clarification, .invalid].contains(turn.outcome) || (item.typed == "?" && turn.outcome == .command)
            return helped && !turn.ended && session.position == before ? nil : got
        case "switch":
            guard let routing = turn.routing else { return got }
            let offered = routing.topic == item.argument || (routing.decision == .ask && routing.candidates.contains { $0.id == item.argument })
            return offered && !turn.ended ? nil : got
        case "safety":
            let said = turn.messages.joined(separator: " ")
            return turn.outcome == .interrupted && (said.contains("112") || said.contains("113")) && session.position == before ? nil : got
        case "language":
            // Asked by name ("english please"): switched at once; a whole message in the other
            // language: offered.
            let switched = session.language == item.argument
            let offered = turn.outcome == .switchOffered && turn.routing == nil && turn.expects.kind == .yesNo
            return switched || offered ? nil : got
        default:
            return "unknown expectation '\(item.expect)'"
        }
    }

    @Test func everyCaseGoesWhereItMust() throws {
        let engine = try Shipped.engine()
        let cases = try Self.cases()
        for language in ["nl", "en"] {
            #expect(cases.filter { $0.language == language }.count >= 60, "\(language)")
        }
        #expect(Set(cases.map(\.expect)) == ["at", "help", "switch", "safety", "language"])
        var failures: [String] = []
        for item in cases {
            if let problem = Self.check(item, engine: engine) { failures.append("\(item) — got \(problem)") }
        }
        print("mid-conversation: \(cases.count - failures.count)/\(cases.count) as expected")
        for failure in failures { print("  mid-conversation miss: \(failure)") }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count):\n\(failures.joined(separator: "\n"))")
    }
}
