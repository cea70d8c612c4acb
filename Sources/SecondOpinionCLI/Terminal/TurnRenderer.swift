import DialogEngine

/// Turns a ``Turn`` into what the terminal shows: wrapped messages, the question marked, numbered
/// choices, sources briefly under the answer, the plan as a checklist.
struct TurnRenderer {
    var width: Int
    var style: Style
    var language: String

    var dutch: Bool { language == "nl" }

    func render(_ turn: Turn) -> String {
        var lines: [String] = []
        for message in turn.messages {
            lines += TerminalText.wrapped(TerminalText.sanitized(message), width: width)
            lines.append("")
        }
        if !turn.sources.isEmpty && turn.outcome != .notUnderstood {
            let label = dutch ? "Bron" : "Source"
            for source in turn.sources {
                var line = "\(label): \(source.title) (\(source.publisher)"
                if let url = source.url { line += ", \(url)" }
                line += ")"
                lines += TerminalText.wrapped(TerminalText.sanitized(line), width: width, indent: "  ").map(style.dim)
            }
            lines.append("")
        }
        if let question = turn.question {
            lines += TerminalText.wrapped(TerminalText.sanitized(question), width: width).map(style.bold)
        }
        let numberWidth = String(turn.choices.count).count
        for choice in turn.choices {
            let number = String(choice.number).leftPadded(to: numberWidth)
            let wrapped = TerminalText.wrapped(TerminalText.sanitized(choice.label), width: width, indent: String(repeating: " ", count: numberWidth + 4))
            guard let first = wrapped.first else { continue }
            lines.append("  " + style.accent(number + ".") + " " + first.dropFirst(numberWidth + 4))
            lines += wrapped.dropFirst()
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The plan as a checklist, with each step's source.
    func renderPlan(_ plan: [PlanEntry]) -> String {
        guard !plan.isEmpty else {
            return dutch ? "Je plan is nog leeg." : "Your plan is still empty."
        }
        var lines = [style.bold(dutch ? "Je plan" : "Your plan")]
        for entry in plan {
            let wrapped = TerminalText.wrapped(TerminalText.sanitized(entry.text), width: width, indent: "      ")
            lines.append("  [ ] " + wrapped[0].dropFirst(6))
            lines += wrapped.dropFirst()
            for source in entry.sources {
                lines.append(style.dim("      \(dutch ? "Bron" : "Source"): \(TerminalText.sanitized(source.title))"))
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
