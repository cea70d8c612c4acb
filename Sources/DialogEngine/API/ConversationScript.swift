#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A scripted conversation and what the assistant must say at each turn: the test format for
/// dialogs. One instruction per line; a `#` at the start of a line or after a space starts a
/// comment that runs to the end of the line:
///
///     # a comment
///     lang en                  start in this language (first line only; default: the bundle's)
///     > my GP won't refer me   what the person types
///     = referrals:gp_refuses   where the conversation must be after the turn (flow:node, or flow:)
///     ~ duty to cooperate      text the turn must contain (messages and question; case and accents ignored)
///     ! not: emergency         text the turn must not contain
///     ! ended                  the turn must have ended the conversation (or: ! outcome notUnderstood)
///     ! handoff requested      the turn must hand off to a person for this reason
///     + ask_referral           the plan must hold this item id
///     @ cz-second-opinion      the turn must cite this source id
///
/// Checks before the first `>` apply to the greeting. A script stops at its first failing check:
/// every later turn would start from the wrong place.
public struct ConversationScript: Sendable {
    /// One check with the line it was written on.
    struct Check: Sendable {
        enum Kind: Sendable {
            case position(String)
            case contains(String)
            case lacks(String)
            case ended
            case outcome(String)
            case handoff(String)
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
    /// The line of `lang`, for problems with it.
    var languageLine = 0
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

    /// A check that did not hold: what was expected and what the turn did.
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        /// The script's name.
        public var name: String
        /// The 1-based line of the failing check.
        public var line: Int
        /// Which check failed and at which turn.
        public var message: String
        /// What the check wanted.
        public var expected: String
        /// What the turn did instead.
        public var actual: String

        /// The failure with its expected and actual values on lines of their own.
        public var description: String {
            "\(name):\(line): \(message)\n  expected: \(expected)\n  actual:   \(actual)"
        }
    }

    /// Reads a script.
    public init(name: String, text: String) throws(SyntaxError) {
        self.name = name
        var steps = [Step(input: nil, line: 0, checks: [])]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = Self.withoutComment(rawLine).trimmingSpaces(newlines: true)
            if line.isEmpty { continue }
            if line == "lang" || line.hasPrefix("lang ") {
                guard steps.count == 1 && steps[0].checks.isEmpty else {
                    throw SyntaxError(name: name, line: number, message: "'lang' must come before everything else")
                }
                language = String(line.dropFirst(4)).trimmingSpaces()
                languageLine = number
                continue
            }
            let marker = line.first!
            let rest = String(line.dropFirst()).trimmingSpaces()
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
                    check(.outcome(String(rest.dropFirst(8)).trimmingSpaces()))
                } else if rest.hasPrefix("handoff ") {
                    check(.handoff(String(rest.dropFirst(8)).trimmingSpaces()))
                } else if rest.hasPrefix("not:") {
                    check(.lacks(String(rest.dropFirst(4)).trimmingSpaces()))
                } else {
                    throw SyntaxError(name: name, line: number, message: "'!' takes 'ended', 'outcome NAME', 'handoff REASON' or 'not: TEXT'")
                }
            default:
                throw SyntaxError(name: name, line: number, message: "a line starts with >, =, ~, !, + or @ (or # for a comment)")
            }
        }
        self.steps = steps
    }

    /// The line up to its comment: a `#` at the start or after whitespace.
    private static func withoutComment(_ line: Substring) -> Substring {
        var previous: Character = " "
        for index in line.indices {
            if line[index] == "#" && previous.isWhitespace { return line[..<index] }
            previous = line[index]
        }
        return line
    }

    /// The number of inputs the script types.
    public var inputCount: Int { steps.count - 1 }

    /// The flows the script's `= flow:node` checks name, in order of first use.
    public var namedFlows: [String] {
        var seen: [String] = []
        for step in steps {
            for check in step.checks {
                if case .position(let position) = check.kind, let flow = position.split(separator: ":", omittingEmptySubsequences: false).first,
                   !seen.contains(String(flow)) {
                    seen.append(String(flow))
                }
            }
        }
        return seen
    }

    /// Plays the script against `engine` and returns the first check that failed (nil: it passed).
    public func run(on engine: DialogEngine) -> Failure? {
        play(on: engine).failure
    }

    /// Plays the script against `engine`, recording every turn in `coverage`, and returns the
    /// first check that failed (nil: it passed).
    public func run(on engine: DialogEngine, coverage: inout DialogCoverage) -> Failure? {
        let (failure, turns) = play(on: engine)
        for turn in turns { coverage.record(turn) }
        return failure
    }

    /// Plays the script and keeps every turn, for coverage.
    private func play(on engine: DialogEngine) -> (failure: Failure?, turns: [Turn]) {
        var (session, turn) = engine.start(language: language)
        var turns = [turn]
        for step in steps {
            if let input = step.input {
                turn = engine.reply(input, in: &session)
                turns.append(turn)
            }
            let context = step.input.map { "after '\($0)'" } ?? "at the greeting"
            for check in step.checks {
                if let (what, expected, actual) = Self.mismatch(of: check.kind, in: turn) {
                    return (Failure(name: name, line: check.line, message: "\(what) \(context)", expected: expected, actual: actual), turns)
                }
            }
        }
        return (nil, turns)
    }

    /// What is wrong when `check` does not hold for `turn`: which check, expected and actual.
    private static func mismatch(of check: Check.Kind, in turn: Turn) -> (String, String, String)? {
        let shown = (turn.messages + [turn.question].compactMap { $0 } + turn.choices.map(\.label))
        let said = TextNormalizer.normalized(shown.joined(separator: " "))
        let quoted = shown.isEmpty ? "(nothing)" : shown.joined(separator: " | ")
        let position = "\(turn.flow):\(turn.node)"
        switch check {
        case .position(let expected):
            let matches = expected.hasSuffix(":") ? turn.flow == String(expected.dropLast()) : position == expected
            return matches ? nil : ("wrong place", expected, position)
        case .contains(let fragment):
            return said.contains(TextNormalizer.normalized(fragment)) ? nil : ("missing text", fragment, quoted)
        case .lacks(let fragment):
            return said.contains(TextNormalizer.normalized(fragment)) ? ("unwanted text", "not '\(fragment)'", quoted) : nil
        case .ended:
            return turn.ended ? nil : ("not ended", "ended", "waiting at \(position)")
        case .outcome(let expected):
            return turn.outcome.rawValue == expected ? nil : ("wrong outcome", expected, turn.outcome.rawValue)
        case .handoff(let expected):
            return turn.handoff?.reason.rawValue == expected ? nil : ("no handoff", expected, turn.handoff?.reason.rawValue ?? "none")
        case .plan(let id):
            return turn.plan.contains { $0.id == id } ? nil : ("missing plan item", id, "[\(turn.plan.map(\.id).joined(separator: ", "))]")
        case .source(let id):
            return turn.sources.contains { $0.id == id } ? nil : ("missing source", id, "[\(turn.sources.map(\.id).joined(separator: ", "))]")
        }
    }
}
