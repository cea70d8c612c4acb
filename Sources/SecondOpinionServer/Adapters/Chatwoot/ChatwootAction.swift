import Foundation

/// What one webhook asks of the assistant, read from a ``ChatwootEvent``.
enum ChatwootAction: Sendable {
    /// The person opened the web widget on a conversation the bot holds: greet them.
    case start(ChatwootTarget)
    /// The person typed a message.
    case text(ChatwootTarget, message: Int, text: String)
    /// The person picked an option of an `input_select` message.
    case pick(ChatwootTarget, message: Int, value: String?, title: String?)
    /// An agent gave the conversation back to the bot (status `pending`).
    case resume(ChatwootTarget)
    /// The conversation was resolved: its session ends.
    case end(ChatwootConversationID)
    /// Nothing to do; the reason is for the log and never holds message text.
    case ignore(String)
}

/// One conversation in one Chatwoot account; `conversation` is the display id Chatwoot's API
/// takes in URLs.
struct ChatwootConversationID: Sendable, Hashable, CustomStringConvertible {
    var account: Int
    var conversation: Int

    var description: String { "\(account)/\(conversation)" }
}

/// A conversation the bot may answer in, with what decides how to answer.
struct ChatwootTarget: Sendable {
    var id: ChatwootConversationID
    /// The inbox's channel type, such as `Channel::WebWidget`.
    var channel: String?
    /// The language the person's browser asked for, such as `nl`.
    var language: String?

    /// Whether the channel shows `input_select` messages as options to pick: the web widget, and
    /// Telegram (as an inline keyboard). Elsewhere choices go out as a numbered list to type.
    var showsOptions: Bool {
        channel == "Channel::WebWidget" || channel == "Channel::Telegram"
    }
}

extension ChatwootEvent {
    /// What this webhook asks for. Only incoming, public messages and options picked on the
    /// bot's own messages are acted on, and only while the conversation is `pending` (the bot's);
    /// while it is `open` a person has it and the bot stays silent.
    var action: ChatwootAction {
        switch event {
        case "message_created":
            guard messageType == .incoming else { return .ignore("not an incoming message") }
            guard `private` != true else { return .ignore("a private note") }
            guard let message = id, let target = target(in: conversation) else { return .ignore("no conversation") }
            if let silent = silence(conversation?.status) { return silent }
            let text = (content ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return .ignore("a message without text") }
            return .text(target, message: message, text: text)
        case "message_updated":
            guard contentType == "input_select", `private` != true,
                  let picked = contentAttributes?.submittedValues?.first else { return .ignore("not a picked option") }
            guard let message = id, let target = target(in: conversation) else { return .ignore("no conversation") }
            if let silent = silence(conversation?.status) { return silent }
            return .pick(target, message: message, value: picked.value, title: picked.title)
        case "webwidget_triggered":
            guard let current = currentConversation, let target = target(in: current) else { return .ignore("no conversation yet") }
            if let silent = silence(current.status) { return silent }
            return .start(target)
        case "conversation_status_changed":
            guard let id, let account = account?.id else { return .ignore("no conversation") }
            let target = ChatwootTarget(id: .init(account: account, conversation: id), channel: channel,
                                        language: Self.language(additionalAttributes))
            switch status {
            case "pending": return .resume(target)
            case "resolved": return .end(target.id)
            default: return .ignore("status \(status ?? "unknown")")
            }
        case "conversation_resolved":
            guard let id, let account = account?.id else { return .ignore("no conversation") }
            return .end(.init(account: account, conversation: id))
        default:
            return .ignore("event \(event)")
        }
    }

    private func target(in conversation: Conversation?) -> ChatwootTarget? {
        guard let conversation, let account = account?.id ?? conversation.accountId else { return nil }
        return ChatwootTarget(id: .init(account: account, conversation: conversation.id), channel: conversation.channel,
                              language: Self.language(conversation.additionalAttributes))
    }

    /// Ignore, when the conversation is not the bot's: a person has it (`open`), it waits
    /// (`snoozed`) or it is done (`resolved`). A payload without a status counts as the bot's.
    private func silence(_ status: String?) -> ChatwootAction? {
        guard let status, status != "pending" else { return nil }
        return .ignore("conversation is \(status)")
    }

    /// `nl` from a browser language such as `nl-NL`.
    private static func language(_ attributes: AdditionalAttributes?) -> String? {
        guard let tag = attributes?.browserLanguage, !tag.isEmpty else { return nil }
        return tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() }
    }
}
