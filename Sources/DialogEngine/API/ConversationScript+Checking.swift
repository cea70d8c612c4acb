/// Checking a script against a bundle before it runs, so a misspelled name is reported where it
/// is written rather than as a failed turn.
extension ConversationScript {
    /// A name in a script that the bundle does not have.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The script's name.
        public var name: String
        /// The 1-based line.
        public var line: Int
        /// What is wrong.
        public var message: String
        /// "did you mean ...?", when a name is close.
        public var hint: String?

        public var description: String {
            "\(name):\(line): error: \(message)" + (hint.map { " (\($0))" } ?? "")
        }
    }

    /// Every language, flow, node and outcome the script names that `bundle` does not have.
    public func problems(in bundle: DialogBundle) -> [Problem] {
        let compiled = bundle.compiled
        var problems: [Problem] = []
        func report(_ line: Int, _ message: String, _ written: String, among candidates: [String]) {
            problems.append(Problem(name: name, line: line, message: message, hint: Suggestion.hint(for: written, among: candidates)))
        }
        if let language, !compiled.languages.contains(language) {
            report(languageLine, "unknown language '\(language)'; the bundle has \(compiled.languages.joined(separator: ", "))", language, among: compiled.languages)
        }
        let outcomes = [Turn.Outcome.started, .answered, .notUnderstood, .clarification, .invalid, .switchOffered, .interrupted, .command, .quit].map(\.rawValue)
        for check in steps.flatMap(\.checks) {
            switch check.kind {
            case .position(let position):
                let parts = position.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else {
                    problems.append(Problem(name: name, line: check.line, message: "'\(position)' is not flow:node or flow:", hint: nil))
                    continue
                }
                guard compiled.flowIndex[parts[0]] != nil else {
                    report(check.line, "unknown flow '\(parts[0])'", parts[0], among: compiled.flows.map(\.id))
                    continue
                }
                if !parts[1].isEmpty && compiled.nodeIndex[position] == nil {
                    let flow = compiled.flows[compiled.flowIndex[parts[0]]!]
                    report(check.line, "unknown node '\(parts[1])' in flow '\(parts[0])'", parts[1], among: compiled.nodes[flow.nodes].map(\.id))
                }
            case .outcome(let outcome) where !outcomes.contains(outcome):
                report(check.line, "unknown outcome '\(outcome)'", outcome, among: outcomes)
            case .handoff(let reason) where Turn.Handoff.Reason(rawValue: reason) == nil:
                let reasons = Turn.Handoff.Reason.allCases.map(\.rawValue)
                report(check.line, "unknown handoff reason '\(reason)'", reason, among: reasons)
            default:
                break
            }
        }
        return problems
    }
}
