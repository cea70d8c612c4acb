import Foundation

/// The part of a Chatwoot Agent Bot webhook the adapter reads. Chatwoot sends the record's
/// `webhook_data` plus `event`: a message (`message_created`, `message_updated`), a conversation
/// (`conversation_status_changed`, `conversation_resolved`, `conversation_opened`) or a contact
/// inbox (`webwidget_triggered`). Every field is optional and unknown fields are ignored, so
/// newer Chatwoot versions keep working.
struct ChatwootEvent: Decodable, Sendable {
    /// The event name, such as `message_created`.
    var event: String
    /// The message id (message events) or the conversation's display id (conversation events).
    var id: Int?
    /// `incoming`, `outgoing`, `activity` or `template` (message events).
    var messageType: MessageType?
    /// `text`, `input_select` and so on (message events).
    var contentType: String?
    /// The message text (message events).
    var content: String?
    /// Whether the message is a private note (message events).
    var `private`: Bool?
    /// What was picked, for an answered `input_select` (message events).
    var contentAttributes: ContentAttributes?
    /// The account (every event).
    var account: Reference?
    /// The conversation (message events).
    var conversation: Conversation?
    /// The contact's latest conversation, if any (`webwidget_triggered`).
    var currentConversation: Conversation?
    /// The conversation's status (conversation events).
    var status: String?
    /// The inbox's channel type, such as `Channel::WebWidget` (conversation events).
    var channel: String?
    /// Browser details (conversation events).
    var additionalAttributes: AdditionalAttributes?

    enum CodingKeys: String, CodingKey {
        case event, id, content, `private`, account, conversation, status, channel
        case messageType = "message_type"
        case contentType = "content_type"
        case contentAttributes = "content_attributes"
        case currentConversation = "current_conversation"
        case additionalAttributes = "additional_attributes"
    }

    /// An object with an id, such as the account.
    struct Reference: Decodable, Sendable {
        var id: Int
    }

    /// A conversation as Chatwoot's `webhook_data` describes it; `id` is the display id that
    /// Chatwoot's API takes in URLs.
    struct Conversation: Decodable, Sendable {
        var id: Int
        var status: String?
        var channel: String?
        var accountId: Int?
        var additionalAttributes: AdditionalAttributes?

        enum CodingKeys: String, CodingKey {
            case id, status, channel
            case accountId = "account_id"
            case additionalAttributes = "additional_attributes"
        }
    }

    /// The conversation's `additional_attributes`; only the browser's language is read.
    struct AdditionalAttributes: Decodable, Sendable {
        var browserLanguage: String?

        enum CodingKeys: String, CodingKey {
            case browserLanguage = "browser_language"
        }
    }

    /// A message's `content_attributes`; only the submitted options are read.
    struct ContentAttributes: Decodable, Sendable {
        var submittedValues: [SubmittedValue]?

        enum CodingKeys: String, CodingKey {
            case submittedValues = "submitted_values"
        }

        init(from decoder: any Decoder) throws {
            // Other message kinds keep other shapes here (a form's values, an email); only a
            // list of options is ours, anything else counts as none.
            let container = try decoder.container(keyedBy: CodingKeys.self)
            submittedValues = try? container.decodeIfPresent([SubmittedValue].self, forKey: .submittedValues)
        }
    }

    /// One option the person picked: `value` is the choice id we sent, `title` its label.
    struct SubmittedValue: Decodable, Sendable {
        var title: String?
        var value: String?

        enum CodingKeys: String, CodingKey {
            case title, value
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = container.flexibleString(.title)
            value = container.flexibleString(.value)
        }
    }

    /// A message's direction: Chatwoot's `webhook_data` names it, its push data numbers it.
    enum MessageType: Decodable, Sendable, Equatable {
        case incoming, outgoing, activity, template, other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = [0: .incoming, 1: .outgoing, 2: .activity, 3: .template][number] ?? .other
            } else {
                self = [
                    "incoming": .incoming, "outgoing": .outgoing, "activity": .activity, "template": .template,
                ][try container.decode(String.self)] ?? .other
            }
        }
    }
}

extension KeyedDecodingContainer {
    /// A string, or a number written as one; nil for anything else.
    fileprivate func flexibleString(_ key: Key) -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        if let number = try? decodeIfPresent(Int.self, forKey: key) { return String(number) }
        return nil
    }
}
