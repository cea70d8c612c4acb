/// What a `POST /v1/sessions/{id}/turns` body asks for: exactly one of text, choice, command or
/// language.
public enum TurnInput: Sendable, Equatable {
    /// Something the person typed.
    case text(String)
    /// A choice of the current question, by its id.
    case choice(String)
    /// One of the conversation commands.
    case command(Command)
    /// Switch the conversation's language.
    case language(String)

    /// The commands the API offers.
    public enum Command: String, Sendable, CaseIterable {
        case back, restart, topics, help
        /// Hand the person to a human (the turn's `handoff` says so).
        case human
    }

    static let fields = ["text", "choice", "command", "language"]

    /// What the request asks, as bytes: equal for two bodies that ask the same, whatever their
    /// spacing, escapes or duplicate members. A retried request is recognised by its hash, so a
    /// client that writes its JSON anew for a retry is not refused.
    var fingerprint: [UInt8] {
        let (kind, value): (String, String) = switch self {
        case .text(let text): ("text", text)
        case .choice(let id): ("choice", id)
        case .command(let command): ("command", command.rawValue)
        case .language(let language): ("language", language)
        }
        return Array(kind.utf8) + [0] + Array(value.utf8)
    }

    /// Reads a turn body strictly.
    init(body: [UInt8]) throws(APIError) {
        let request = try RequestBody(body, allowed: Self.fields)
        let present = request.present
        guard present.count == 1 else {
            let message = present.isEmpty
                ? "Send one of 'text', 'choice', 'command' or 'language', for example {\"text\":\"hello\"}."
                : "Send only one of \(present.map { "'\($0)'" }.joined(separator: ", ")) in one turn."
            throw APIError(.invalidRequest, message, at: "$")
        }
        if let text = try request.string("text") {
            self = .text(text)
        } else if let choice = try request.string("choice") {
            self = .choice(choice)
        } else if let language = try request.string("language") {
            self = .language(language)
        } else {
            let name = try request.string("command") ?? ""
            guard let command = Command(rawValue: name) else {
                throw APIError(.unknownCommand, "Unknown command '\(name)'; use one of \(Command.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")).",
                               at: "$.command")
            }
            self = .command(command)
        }
    }
}
