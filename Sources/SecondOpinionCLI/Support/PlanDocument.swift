import DialogEngine

/// The plan and transcript as documents a person can keep.
enum PlanDocument {
    static func markdown(_ plan: [PlanEntry], dutch: Bool) -> String {
        var lines = [dutch ? "# Mijn plan: second opinion" : "# My plan: second opinion", ""]
        if plan.isEmpty { lines.append(dutch ? "Nog geen stappen." : "No steps yet.") }
        for entry in plan {
            lines.append("- [ ] \(TerminalText.sanitized(entry.text))")
            for source in entry.sources {
                let link = source.url.map { " <\($0)>" } ?? ""
                lines.append("  - \(dutch ? "Bron" : "Source"): \(source.title), \(source.publisher)\(link)")
            }
        }
        lines += ["", dutch ? "Dit is algemene informatie, geen medisch of juridisch advies." : "This is general information, not medical or legal advice.", ""]
        return lines.joined(separator: "\n")
    }

    static func transcript(_ entries: [TranscriptEntry], dutch: Bool) -> String {
        entries.map { entry in
            switch entry.speaker {
            case .bot: "\(dutch ? "Assistent" : "Assistant"):\n\(TerminalText.sanitized(entry.text))\n"
            case .person: "\(dutch ? "Jij" : "You"):\n\(TerminalText.sanitized(entry.text))\n"
            case .omitted: "\(TerminalText.sanitized(entry.text))\n"
            }
        }.joined(separator: "\n")
    }
}
