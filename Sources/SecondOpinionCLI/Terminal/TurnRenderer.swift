import DialogEngine

/// Turns a ``Turn`` into what the terminal shows: wrapped messages, the question marked, numbered
/// choices, sources on one numbered line under the answer (in full with ``renderSources(_:)``),
/// the plan as a checklist.
struct TurnRenderer {
    var width: Int
    var style: Style
    /// The conversation's language pack, for the renderer's own words.
    var pack: LanguagePack

    func render(_ turn: Turn) -> String {
        var lines: [String] = []
        for message in turn.messages {
            lines += TerminalText.wrapped(TerminalText.sanitized(message), width: width)
            lines.append("")
        }
        if !turn.sources.isEmpty && turn.outcome != .notUnderstood {
            // One short line keeps the answer in front; /sources shows titles and links.
            let label = pack.message(turn.sources.count == 1 ? "terminal.source" : "terminal.sources")
            let names = turn.sources.enumerated().map { "[\($0.offset + 1)] \($0.element.publisher)" }.joined(separator: " · ")
            let line = "\(label): \(names) (\(pack.message("terminal.sourcesCommand")))"
            lines += TerminalText.wrapped(TerminalText.sanitized(line), width: width, indent: "  ").map(style.dim)
            lines.append("")
        }
        if let question = turn.question {
            lines += TerminalText.wrapped(TerminalText.sanitized(question), width: width).map(style.bold)
        }
        let numberWidth = String(turn.choices.count).count
        for choice in turn.choices {
            let number = String(choice.number).leftPadded(to: numberWidth, with: " ")
            let wrapped = TerminalText.wrapped(TerminalText.sanitized(choice.label), width: width, indent: String(repeating: " ", count: numberWidth + 4))
            guard let first = wrapped.first else { continue }
            lines.append("  " + style.accent(number + ".") + " " + first.dropFirst(numberWidth + 4))
            lines += wrapped.dropFirst()
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The sources of an answer in full, numbered as in its one-line list: title, publisher, link.
    func renderSources(_ sources: [SourceReference]) -> String {
        guard !sources.isEmpty else {
            return pack.message("terminal.noSources")
        }
        var lines: [String] = []
        for (index, source) in sources.enumerated() {
            let number = "[\(index + 1)] "
            let indent = String(repeating: " ", count: number.count)
            var rest = [source.publisher]
            if let url = source.url { rest.append(url) }
            rest.append(pack.message("terminal.checked", ["date": source.checked]))
            let wrapped = TerminalText.wrapped(TerminalText.sanitized(source.title), width: width, indent: indent)
            lines.append(number + wrapped[0].dropFirst(indent.count))
            lines += wrapped.dropFirst()
            lines += TerminalText.wrapped(TerminalText.sanitized(rest.joined(separator: ", ")), width: width, indent: indent).map(style.dim)
        }
        return lines.joined(separator: "\n")
    }

    /// The plan as a checklist, with each step's source.
    func renderPlan(_ plan: [PlanEntry]) -> String {
        guard !plan.isEmpty else {
            return pack.message("terminal.planEmpty")
        }
        var lines = [style.bold(pack.message("terminal.planHeading"))]
        for entry in plan {
            let wrapped = TerminalText.wrapped(TerminalText.sanitized(entry.text), width: width, indent: "      ")
            lines.append("  [ ] " + wrapped[0].dropFirst(6))
            lines += wrapped.dropFirst()
            for source in entry.sources {
                lines.append(style.dim("      \(pack.message("terminal.source")): \(TerminalText.sanitized(source.title))"))
            }
        }
        return lines.joined(separator: "\n")
    }
}
