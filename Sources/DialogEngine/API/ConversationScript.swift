import Foundation

/// A scripted conversation and what the assistant must say at each turn: the test format for
/// dialogs. One instruction per line:
///
///     # a comment
///     lang en                  start in this language (first line only; default: the bundle's)
///     > my GP won't refer me   what the person types
///     = referrals:gp_refuses   where the conversation must be after the turn (flow:node, or flow:)
///     ~ duty to cooperate      text the turn must contain (messages and question; case and accents ignored)
///     ! ended                  the turn must have ended the conversation (or: ! outcome notUnderstood)
///     + ask_referral           the plan must hold this item id
///     @ cz-second-opinion      the turn must cite this source id
///
/// Checks before the first `>` apply to the greeting.
public struct ConversationScript: Sendable {
    /// One check with the line it was written on.
    struct Check: Sendable {
        enum Kind: Sendable {
            case position(String)
            case contains(String)
            case ended
            case outcome(String)
            case plan(String)
            case source(String)
        }

        var kind: Kind
        var line: Int
    }

    struct Step: Sendable {
        var input: String?
        var line: Int
        var checks: [Check]
    }

    /// The script's name, used in failure messages (usually the file name).
    public var name: String
    /// The language to start in, or nil for the bundle's default.
    public var language: String?
    var steps: [Step]

    /// A line of a script that could not be read.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The script's name.
        public var name: String
        /// The 1-based line.
        public var line: Int
        /// What is wrong.
        public var message: String

        /// Creates a syntax error.
        public init(name: String, line: Int, message: String) {
            self.name = name
            self.line = line
            self.message = message
        }

        public var description: String { "\(name):\(line): \(message)" }
    }

    /// A check that did not hold.
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        /// The script's name.
        public var name: String
        /// The 1-based line of the failing check.
        public var line: Int
        /// What was expected and what happened.
        public var message: String

        public var description: String { "\(name):\(line): \(message)" }
    }

    /// Reads a script.
    public init(name: String, text: String) throws(SyntaxError) {
        self.name = name
        var steps = [Step(input: nil, line: 0, checks: [])]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("lang ") {
                guard steps.count == 1 && steps[0].checks.isEmpty else {
                    throw SyntaxError(name: name, line: number, message: "'lang' must come before everything else")
                }
                language = String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces)
                continue
            }
            let marker = line.first!
            let rest = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
            func check(_ kind: Check.Kind) { steps[steps.count - 1].checks.append(Check(kind: kind, line: number)) }
            switch marker {
            case ">": steps.append(Step(input: rest, line: number, checks: []))
            case "=": check(.position(rest))
            case "~": check(.contains(rest))
            case "+": check(.plan(rest))
            case "@": check(.source(rest))
            case "!":
                if rest == "ended" {
                    check(.ended)
                } else if rest.hasPrefix("outcome ") {
                    check(.outcome(String(rest.dropFirst(8))))
                } else {
                    throw SyntaxError(name: name, line: number, message: "'!' takes 'ended' or 'outcome NAME'")
                }
            default:
                throw SyntaxError(name: name, line: number, message: "a line starts with >, =, ~, !, + or @ (or # for a comment)")
            }
        }
        self.steps = steps
    }

    /// The number of inputs the script types.
    public var inputCount: Int { steps.count - 1 }

    /// Plays the script against `engine` and returns every check that failed (empty: it passed).
    public func run(on engine: DialogEngine) -> [Failure] {
        var failures: [Failure] = []
        var (session, turn) = engine.start(language: language)
        for step in steps {
            if let input = step.input { turn = engine.reply(input, in: &session) }
            let said = TextNormalizer.normalized((turn.messages + [turn.question ?? ""] + turn.choices.map(\.label)).joined(separator: " "))
            let context = step.input.map { "after '\($0)'" } ?? "at the greeting"
            for check in step.checks {
                func fail(_ message: String) { failures.append(Failure(name: name, line: check.line, message: "\(message) \(context)")) }
                switch check.kind {
                case .position(let expected):
                    let actual = "\(turn.flow):\(turn.node)"
                    let matches = expected.hasSuffix(":") ? turn.flow == String(expected.dropLast()) : actual == expected
                    if !matches { fail("expected to be at \(expected) but was at \(actual)") }
                case .contains(let fragment):
                    if !said.contains(TextNormalizer.normalized(fragment)) {
                        fail("expected the turn to say '\(fragment)'; it said: \((turn.messages + [turn.question ?? ""]).joined(separator: " | "))")
                    }
                case .ended:
                    if !turn.ended { fail("expected the conversation to have ended") }
                case .outcome(let expected):
                    if turn.outcome.rawValue != expected { fail("expected outcome \(expected) but got \(turn.outcome.rawValue)") }
                case .plan(let id):
                    if !turn.plan.contains(where: { $0.id == id }) {
                        fail("expected plan item '\(id)'; the plan holds [\(turn.plan.map(\.id).joined(separator: ", "))]")
                    }
                case .source(let id):
                    if !turn.sources.contains(where: { $0.id == id }) {
                        fail("expected source '\(id)' to be cited; cited: [\(turn.sources.map(\.id).joined(separator: ", "))]")
                    }
                }
            }
        }
        return failures
    }
}
