import Foundation
import DialogEngine

/// A turn as Chatwoot messages: what the assistant says with its sources as Markdown links, then
/// the question. Where the channel shows options the question is an `input_select` whose values
/// are the choice ids; elsewhere the choices are a numbered list the person answers by typing.
/// The few words of its own (the sources' heading) are in the turn's language.
enum ChatwootReply {
    static func messages(for turn: Turn, showsOptions: Bool) -> [ChatwootOutgoingMessage] {
        let dutch = turn.language == "nl"
        var said = turn.messages.filter { !$0.isEmpty }
        if let sources = sources(turn.sources, dutch: dutch) { said.append(sources) }
        // The engine's offer to switch topic asks in its last message, not as a question: that
        // message is then the question its choices belong to.
        var question = turn.question
        if question == nil, !turn.choices.isEmpty, let last = turn.messages.last(where: { !$0.isEmpty }), let index = said.lastIndex(of: last) {
            question = said.remove(at: index)
        }
        let offersOptions = showsOptions && !turn.choices.isEmpty && question != nil
        if !offersOptions {
            if let question { said.append(([question] + numbered(turn.choices)).joined(separator: "\n")) }
            return said.isEmpty ? [] : [.text(said.joined(separator: "\n\n"))]
        }
        var replies: [ChatwootOutgoingMessage] = said.isEmpty ? [] : [.text(said.joined(separator: "\n\n"))]
        replies.append(.options(question ?? "", turn.choices.map { .init(title: $0.label, value: $0.id) }))
        return replies
    }

    /// `1. label` lines.
    private static func numbered(_ choices: [Turn.Choice]) -> [String] {
        choices.map { "\($0.number). \($0.label)" }
    }

    /// `Bronnen:` with one Markdown link per source (plain title and publisher when it has no URL).
    private static func sources(_ sources: [SourceReference], dutch: Bool) -> String? {
        guard !sources.isEmpty else { return nil }
        let label = sources.count == 1 ? (dutch ? "Bron" : "Source") : (dutch ? "Bronnen" : "Sources")
        let lines = sources.map { source in
            let name = "\(source.title) (\(source.publisher))"
            guard let url = source.url else { return "- \(name)" }
            return "- [\(escaped(source.title))](\(url)) (\(source.publisher))"
        }
        return "\(label):\n" + lines.joined(separator: "\n")
    }

    /// A link text with the brackets that would end it escaped.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }
}
