import Foundation

/// The summary as Markdown, for a person taking over: short sections, the answers as
/// "question → answer", empty sections said so rather than left out.
extension HandoffSummary {
    /// The summary as Markdown in its ``language`` (Dutch for `nl`, otherwise English).
    public func markdown() -> String {
        let words = SummaryWords(dutch: language == "nl")
        var lines = ["# \(words.title)", ""]
        lines.append("- **\(words.reasonLabel):** \(words.reason(reason, interrupt: interrupt))")
        lines.append("- **\(words.languageLabel):** \(language)")
        lines.append("- **\(words.durationLabel):** \(durationSeconds.map(words.duration) ?? words.unknown)")
        lines.append("- **\(words.dialogsLabel):** \(bundleID) \(bundleVersion)")

        section(words.topicsHeading, &lines, words: words, items: topics.enumerated().map { "\($0.offset + 1). \($0.element.title) (`\($0.element.id)`)" })
        section(words.answersHeading, &lines, words: words, items: answers.map { answer in
            let given = answer.choice.map { "\($0.label) (`\($0.id)`)" } ?? answer.value.map { words.value($0) } ?? ""
            return "- \(answer.question) → \(given)"
        })
        section(words.factsHeading, &lines, words: words, items: facts.map { fact in
            let values = fact.values.keys.sorted().map { "\($0) \(words.value(fact.values[$0]!))" }.joined(separator: ", ")
            return "- `\(fact.id)`: \(values)" + (fact.source.map { ". \(words.sourceLabel): \(Self.cite($0))" } ?? "")
        })
        section(words.planHeading, &lines, words: words, items: plan.enumerated().map { offset, entry in
            let sources = entry.sources.map(Self.cite).joined(separator: "; ")
            return "\(offset + 1). \(entry.text)" + (sources.isEmpty ? "" : " (\(words.sourceLabel): \(sources))")
        })
        var open: [String] = []
        if let question = openQuestion {
            open.append(question.text.isEmpty ? words.engineQuestion : question.text)
            open.append("")
            open.append("\(words.expectsLabel): \(words.expectation(question))")
            open += question.choices.map { "\($0.number). \($0.label) (`\($0.id)`)" }
        }
        section(words.openHeading, &lines, words: words, items: open)
        if let typedText {
            section(words.typedHeading, &lines, words: words, items: typedText.map { "> " + $0.replacingOccurrences(of: "\n", with: " ") })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ heading: String, _ lines: inout [String], words: SummaryWords, items: [String]) {
        lines += ["", "## \(heading)", ""]
        lines += items.isEmpty ? [words.none] : items
    }

    private static func cite(_ source: SourceReference) -> String {
        let name = "\(source.title), \(source.publisher)"
        return source.url.map { "[\(name)](\($0))" } ?? name
    }
}

/// The summary's own words, in Dutch or English.
struct SummaryWords {
    let dutch: Bool

    var title: String { dutch ? "Samenvatting voor de overdracht" : "Handoff summary" }
    var reasonLabel: String { dutch ? "Reden" : "Reason" }
    var languageLabel: String { dutch ? "Taal" : "Language" }
    var durationLabel: String { dutch ? "Duur" : "Duration" }
    var dialogsLabel: String { dutch ? "Dialogen" : "Dialogs" }
    var topicsHeading: String { dutch ? "Onderwerpen" : "Topics" }
    var answersHeading: String { dutch ? "Antwoorden" : "Answers" }
    var factsHeading: String { dutch ? "Getoonde feiten" : "Facts shown" }
    var planHeading: String { dutch ? "Actieplan" : "Action plan" }
    var openHeading: String { dutch ? "Open vraag" : "Open question" }
    var typedHeading: String { dutch ? "Wat de persoon typte" : "What the person typed" }
    var sourceLabel: String { dutch ? "Bron" : "Source" }
    var expectsLabel: String { dutch ? "Verwacht" : "Expects" }
    var none: String { dutch ? "Geen." : "None." }
    var unknown: String { dutch ? "onbekend" : "unknown" }
    var engineQuestion: String { dutch ? "(een keuze uit de opties hieronder)" : "(a pick from the options below)" }

    func reason(_ reason: Turn.Handoff.Reason, interrupt: String?) -> String {
        switch reason {
        case .requested: dutch ? "de persoon vroeg om een mens" : "the person asked for a human"
        case .repeatedFailure: dutch ? "de hulp lukte een paar keer achter elkaar niet" : "help failed several times in a row"
        case .emergency: (dutch ? "een veiligheidsmelding" : "a safety interrupt") + (interrupt.map { " (`\($0)`)" } ?? "")
        }
    }

    func duration(_ seconds: Int) -> String {
        let (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
        if hours > 0 { return "\(hours) h \(minutes) min" }
        return minutes > 0 ? "\(minutes) min \(rest) s" : "\(rest) s"
    }

    func value(_ value: DialogValue) -> String {
        switch value {
        case .bool(let flag): flag ? (dutch ? "ja" : "yes") : (dutch ? "nee" : "no")
        default: value.formatted(language: dutch ? "nl" : "en")
        }
    }

    func expectation(_ question: HandoffSummary.OpenQuestion) -> String {
        switch question.expects {
        case .choice: return dutch ? "een keuze" : "a choice"
        case .yesNo: return dutch ? "ja of nee" : "yes or no"
        case .text: return dutch ? "tekst" : "text"
        case .none: return none
        case .number:
            let range = [question.min.map { (dutch ? "vanaf " : "from ") + DialogValue.number($0).formatted(language: dutch ? "nl" : "en") },
                         question.max.map { (dutch ? "tot en met " : "to ") + DialogValue.number($0).formatted(language: dutch ? "nl" : "en") }]
                .compactMap { $0 }.joined(separator: " ")
            return (dutch ? "een getal" : "a number") + (range.isEmpty ? "" : " \(range)")
        }
    }
}
