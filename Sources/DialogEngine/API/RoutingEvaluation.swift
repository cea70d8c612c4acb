#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Scores how well a bundle routes first messages: each labelled message is typed at the start of
/// a new conversation, and what the engine did is compared with the label. The authoring tool for
/// understanding, as `rasa test nlu` is for Rasa; `second-opinion routing FILE.tsv` prints it.
public struct RoutingEvaluation: Sendable {
    /// A labelled message: `lang<TAB>expected<TAB>text`, where `expected` is a flow id, an
    /// interrupt id, `handoff` (asking for a human), or `outOfScope`.
    public struct Case: Sendable, Equatable {
        /// The conversation's language.
        public var language: String
        /// Where the message should go.
        public var expected: String
        /// What the person types.
        public var text: String
        /// The line in the file, from 1.
        public var line: Int

        /// Creates a case.
        public init(language: String, expected: String, text: String, line: Int = 0) {
            self.language = language
            self.expected = expected
            self.text = text
            self.line = line
        }
    }

    /// What happened to one case.
    public struct Result: Sendable, Equatable {
        /// The case.
        public var item: Case
        /// Where the message went: a flow id, an interrupt id, `handoff`, `outOfScope`, or `language`.
        public var reached: String
        /// For an ask, the topics offered.
        public var offered: [String]
        /// Whether the expected topic was reached, or offered among the choices of an ask, or
        /// (for a safety label) any safety answer was given.
        public var correct: Bool
        /// Whether the engine asked rather than decided.
        public var asked: Bool { !offered.isEmpty }
    }

    /// Every result, in the order of the cases.
    public var results: [Result]
    /// Interrupt ids of the bundle: every one of them is a safety answer.
    public var safetyLabels: Set<String>

    /// Reads `lang<TAB>expected<TAB>text` lines; `#` lines and blank lines are skipped.
    public static func parse(_ text: String) throws(ParseError) -> [Case] {
        var cases: [Case] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 3, !columns[0].isEmpty, !columns[1].isEmpty, !columns[2].isEmpty else {
                throw ParseError(line: offset + 1, message: "expected 'language<TAB>expected<TAB>text', found \(columns.count) column(s)")
            }
            cases.append(Case(language: columns[0], expected: columns[1], text: columns[2], line: offset + 1))
        }
        return cases
    }

    /// A line of a routing file that is not `language<TAB>expected<TAB>text`.
    public struct ParseError: Error, Sendable, Equatable {
        /// The line, from 1.
        public var line: Int
        /// What is wrong with it.
        public var message: String
    }

    /// Types each case at the start of a new conversation.
    public init(engine: DialogEngine, cases: [Case]) {
        safetyLabels = Set(engine.compiled.interrupts.map(\.id))
        results = cases.map { item in
            var (session, _) = engine.start(language: item.language)
            let turn = engine.reply(item.text, in: &session)
            return Self.judge(turn, item: item, safety: Set(engine.compiled.interrupts.map(\.id)))
        }
    }

    static func judge(_ turn: Turn, item: Case, safety: Set<String>) -> Result {
        var reached: String
        var offered: [String] = []
        if let interrupt = turn.events.first(where: { $0.kind == .interrupted })?.answer {
            reached = interrupt
        } else if turn.handoff?.reason == .requested {
            reached = "handoff"
        } else if let routing = turn.routing, routing.decision == .ask {
            reached = "ask"
            offered = routing.candidates.map(\.id)
        } else if turn.routing?.decision == .outOfScope || turn.outcome == .notUnderstood {
            reached = "outOfScope"
        } else if turn.outcome == .switchOffered {
            reached = "language"
        } else {
            reached = turn.events.first { $0.kind == .nodeEntered }?.flow ?? turn.flow
        }
        let correct: Bool
        if safety.contains(item.expected) {
            correct = safety.contains(reached)
        } else {
            correct = reached == item.expected || offered.contains(item.expected)
        }
        return Result(item: item, reached: reached, offered: offered, correct: correct)
    }

    /// The share of correct results (reached, or offered in an ask).
    public var accuracy: Double { results.isEmpty ? 0 : Double(results.filter(\.correct).count) / Double(results.count) }
    /// The share of results where the engine asked.
    public var askRate: Double { results.isEmpty ? 0 : Double(results.filter(\.asked).count) / Double(results.count) }
    /// Safety cases that got no safety answer.
    public var missedSafety: [Result] { results.filter { safetyLabels.contains($0.item.expected) && !$0.correct } }

    /// A report for people: totals, accuracy per label and language, asks, misses, and a
    /// confusion table of expected against reached.
    public func report() -> String {
        var lines: [String] = []
        let correct = results.filter(\.correct).count
        let decided = results.filter { $0.correct && !$0.asked }.count
        let asks = results.filter(\.asked).count
        lines.append("\(correct)/\(results.count) correct (\(Self.percent(accuracy))): \(decided) went straight to the right place, "
                     + "\(results.filter { $0.correct && $0.asked }.count) were asked with it among the choices")
        lines.append("asks: \(asks) (\(Self.percent(askRate))); safety missed: \(missedSafety.count) of \(results.filter { safetyLabels.contains($0.item.expected) }.count)")
        lines.append("")
        let languages = Array(Set(results.map(\.item.language))).sorted()
        let labels = Array(Set(results.map(\.item.expected))).sorted()
        lines.append(Self.row(["expected"] + languages + ["asked"], widths: [14] + languages.map { _ in 9 } + [6]))
        for label in labels {
            var cells = [label]
            for language in languages {
                let group = results.filter { $0.item.expected == label && $0.item.language == language }
                cells.append(group.isEmpty ? "-" : "\(group.filter(\.correct).count)/\(group.count)")
            }
            cells.append("\(results.filter { $0.item.expected == label && $0.asked }.count)")
            lines.append(Self.row(cells, widths: [14] + languages.map { _ in 9 } + [6]))
        }
        let misses = results.filter { !$0.correct }
        if !misses.isEmpty {
            lines.append("")
            lines.append("misses:")
            for miss in misses {
                let got = miss.asked ? "asked \(miss.offered.joined(separator: ", "))" : miss.reached
                lines.append("  line \(miss.item.line) [\(miss.item.language)] \(miss.item.expected) -> \(got): \(miss.item.text)")
            }
        }
        let reachedLabels = Array(Set(results.map(\.reached))).sorted()
        lines.append("")
        lines.append("confusion (rows expected, columns reached):")
        let widths = [14] + reachedLabels.map { max(5, min($0.count, 11)) + 1 }
        lines.append(Self.row([""] + reachedLabels.map { String($0.prefix(11)) }, widths: widths))
        for label in labels {
            let row = results.filter { $0.item.expected == label }
            lines.append(Self.row([label] + reachedLabels.map { reached in
                let count = row.filter { $0.reached == reached }.count
                return count == 0 ? "." : "\(count)"
            }, widths: widths))
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func row(_ cells: [String], widths: [Int]) -> String {
        let padded = zip(cells, widths).map { cell, width in
            cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
        }
        return padded.joined().trimmingTrailingWhiteSpace()
    }
}
