import DialogEngine

/// The plan and transcript as documents a person can keep.
enum PlanDocument {
    /// The plan as a Markdown checklist, titled and closed with the words of `pack` (a bundle's
    /// `languages/` files give its own title and disclaimer).
    static func markdown(_ plan: [PlanEntry], pack: LanguagePack) -> String {
        var lines = ["# \(pack.message("document.planTitle"))", ""]
        if plan.isEmpty { lines.append(pack.message("document.noSteps")) }
        for entry in plan {
            lines.append("- [ ] \(TerminalText.sanitized(entry.text))")
            for source in entry.sources {
                let link = source.url.map { " <\($0)>" } ?? ""
                lines.append("  - \(pack.message("terminal.source")): \(source.title), \(source.publisher)\(link)")
            }
        }
        lines += ["", pack.message("document.disclaimer"), ""]
        return lines.joined(separator: "\n")
    }

    static func transcript(_ entries: [TranscriptEntry], pack: LanguagePack) -> String {
        entries.map { entry in
            switch entry.speaker {
            case .bot: "\(pack.message("document.assistant")):\n\(TerminalText.sanitized(entry.text))\n"
            case .person: "\(pack.message("document.person")):\n\(TerminalText.sanitized(entry.text))\n"
            case .omitted: "\(TerminalText.sanitized(entry.text))\n"
            }
        }.joined(separator: "\n")
    }
}
