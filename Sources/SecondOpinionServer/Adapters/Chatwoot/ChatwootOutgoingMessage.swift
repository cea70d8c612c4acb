/// A message the bot posts to a conversation through Chatwoot's API
/// (`POST /api/v1/accounts/{account}/conversations/{conversation}/messages`).
struct ChatwootOutgoingMessage: Encodable, Sendable, Equatable {
    /// The text, in Markdown (Chatwoot renders it for each channel).
    var content: String
    /// Always `outgoing`: from the bot to the person.
    var messageType = "outgoing"
    /// True for a note only agents see.
    var `private` = false
    /// `input_select` for options; nil for plain text.
    var contentType: String?
    /// The options of an `input_select`.
    var contentAttributes: Attributes?

    enum CodingKeys: String, CodingKey {
        case content, `private`
        case messageType = "message_type"
        case contentType = "content_type"
        case contentAttributes = "content_attributes"
    }

    /// The options of an `input_select` message.
    struct Attributes: Encodable, Sendable, Equatable {
        var items: [Item]
    }

    /// One option: Chatwoot shows `title` and sends `value` back in `submitted_values`.
    struct Item: Encodable, Sendable, Equatable {
        var title: String
        var value: String
    }

    /// Plain text for the person.
    static func text(_ content: String) -> ChatwootOutgoingMessage {
        ChatwootOutgoingMessage(content: content)
    }

    /// A question with options to pick.
    static func options(_ question: String, _ items: [Item]) -> ChatwootOutgoingMessage {
        ChatwootOutgoingMessage(content: question, contentType: "input_select", contentAttributes: Attributes(items: items))
    }

    /// A private note for the agents.
    static func note(_ content: String) -> ChatwootOutgoingMessage {
        ChatwootOutgoingMessage(content: content, private: true)
    }
}
