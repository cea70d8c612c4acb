#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The summary as Markdown, for a person taking over: short sections, the answers as
/// "question → answer", empty sections said so rather than left out.
extension HandoffSummary {
    /// The summary as Markdown, in the words (`summary.*` messages) and number format of `pack`:
    /// the pack of the summary's ``language``, `engine.bundle.languagePack(for: summary.language)`.
    public func markdown(pack: LanguagePack) -> String {
        let words = MarkdownWords(pack: pack)
        var lines = ["# \(words["title"])", ""]
        lines.append("- **\(words["reason"]):** \(words.reason(reason, interrupt: interrupt))")
        lines.append("- **\(words["language"]):** \(language)")
        lines.append("- **\(words["duration"]):** \(durationSeconds.map(words.duration) ?? words["unknown"])")
        lines.append("- **\(words["dialogs"]):** \(bundleID) \(bundleVersion)")

        section(words["topics"], &lines, words: words, items: topics.enumerated().map { "\($0.offset + 1). \($0.element.title) (`\($0.element.id)`)" })
        section(words["answers"], &lines, words: words, items: answers.map { answer in
            let given = answer.choice.map { "\($0.label) (`\($0.id)`)" } ?? answer.value.map { words.value($0) } ?? ""
            return "- \(answer.question) → \(given)"
        })
        section(words["facts"], &lines, words: words, items: facts.map { fact in
            let values = fact.values.keys.sorted().map { "\($0) \(words.value(fact.values[$0]!))" }.joined(separator: ", ")
            return "- `\(fact.id)`: \(values)" + (fact.source.map { ". \(words["source"]): \(Self.cite($0))" } ?? "")
        })
        section(words["plan"], &lines, words: words, items: plan.enumerated().map { offset, entry in
            let sources = entry.sources.map(Self.cite).joined(separator: "; ")
            return "\(offset + 1). \(entry.text)" + (sources.isEmpty ? "" : " (\(words["source"]): \(sources))")
        })
        var open: [String] = []
        if let question = openQuestion {
            open.append(question.text.isEmpty ? words["pickFromOptions"] : question.text)
            open.append("")
            open.append("\(words["expects"]): \(words.expectation(question))")
            open += question.choices.map { "\($0.number). \($0.label) (`\($0.id)`)" }
        }
        section(words["openQuestion"], &lines, words: words, items: open)
        if let typedText {
            section(words["typed"], &lines, words: words, items: typedText.map { "> " + $0.replacing(scalar: "\n", with: " ") })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ heading: String, _ lines: inout [String], words: MarkdownWords, items: [String]) {
        lines += ["", "## \(heading)", ""]
        lines += items.isEmpty ? [words["none"]] : items
    }

    private static func cite(_ source: SourceReference) -> String {
        let name = "\(source.title), \(source.publisher)"
        return source.url.map { "[\(name)](\($0))" } ?? name
    }
}

/// The summary's own words: the `summary.*` messages of a language pack.
private struct MarkdownWords {
    let pack: LanguagePack

    /// The message `summary.NAME`.
    subscript(_ name: String, values values: [String: String] = [:]) -> String { pack.message("summary." + name, values) }

    func reason(_ reason: Turn.Handoff.Reason, interrupt: String?) -> String {
        switch reason {
        case .requested: self["reasonRequested"]
        case .repeatedFailure: self["reasonRepeatedFailure"]
        case .emergency: self["reasonEmergency"] + (interrupt.map { " (`\($0)`)" } ?? "")
        }
    }

    func duration(_ seconds: Int) -> String {
        let (hours, minutes, rest) = (String(seconds / 3600), String(seconds % 3600 / 60), String(seconds % 60))
        if seconds >= 3600 { return self["durationHours", values: ["hours": hours, "minutes": minutes]] }
        return seconds >= 60 ? self["durationMinutes", values: ["minutes": minutes, "seconds": rest]] : self["durationSeconds", values: ["seconds": rest]]
    }

    func value(_ value: DialogValue) -> String {
        switch value {
        case .bool(let flag): flag ? self["yes"] : self["no"]
        default: value.formatted(decimalSeparator: pack.decimalSeparator)
        }
    }

    func expectation(_ question: HandoffSummary.OpenQuestion) -> String {
        switch question.expects {
        case .choice: return self["expectsChoice"]
        case .yesNo: return self["expectsYesNo"]
        case .text: return self["expectsText"]
        case .none: return self["none"]
        case .number:
            switch (question.min.map(pack.format), question.max.map(pack.format)) {
            case let (minimum?, maximum?): return self["expectsNumberBetween", values: ["minimum": minimum, "maximum": maximum]]
            case let (minimum?, nil): return self["expectsNumberAtLeast", values: ["minimum": minimum]]
            case let (nil, maximum?): return self["expectsNumberAtMost", values: ["maximum": maximum]]
            case (nil, nil): return self["expectsNumber"]
            }
        }
    }
}
