import Foundation

/// Webhook bodies shaped like Chatwoot's own (`Message#webhook_data`, `Conversation#webhook_data`,
/// `ContactInbox#webhook_data` plus `event`), with the extra fields the adapter does not read, so
/// the tests also show it tolerates them.
enum ChatwootPayloads {
    static let account = 7
    static let webWidget = "Channel::WebWidget"
    static let sms = "Channel::Sms"

    static func conversationData(_ id: Int, status: String = "pending", channel: String = webWidget, language: String = "nl-NL") -> [String: Any] {
        [
            "additional_attributes": ["browser_language": language, "referer": "https://hospital.example/"],
            "can_reply": true, "channel": channel, "id": id, "inbox_id": 3, "status": status,
            "contact_inbox": ["id": 11, "contact_id": 4, "inbox_id": 3, "source_id": "7f1c0e1a", "hmac_verified": false],
            "messages": [], "labels": [], "meta": ["sender": ["id": 4, "name": "Visitor", "type": "contact"], "assignee": NSNull()],
            "custom_attributes": [:], "snoozed_until": NSNull(), "unread_count": 1, "priority": NSNull(),
            "agent_last_seen_at": 0, "contact_last_seen_at": 0, "timestamp": 1_764_650_000, "created_at": 1_764_650_000,
        ]
    }

    /// `message_created` for a message the person (or, with `type`, someone else) wrote.
    static func messageCreated(id: Int, conversation: Int, text: String, type: String = "incoming", isPrivate: Bool = false,
                               status: String = "pending", channel: String = webWidget, language: String = "nl-NL") -> Data {
        json([
            "event": "message_created", "id": id, "content": text, "content_type": "text", "content_attributes": [:],
            "message_type": type, "private": isPrivate, "created_at": "2026-12-02T05:40:00.000Z", "source_id": NSNull(),
            "additional_attributes": [:],
            "sender": type == "incoming" ? ["id": 4, "name": "Visitor", "type": "contact"] : ["id": 1, "name": "Second opinion", "type": "agent_bot"],
            "account": ["id": account, "name": "Patient desk"], "inbox": ["id": 3, "name": "Website"],
            "conversation": conversationData(conversation, status: status, channel: channel, language: language),
        ])
    }

    /// `message_updated` for the bot's `input_select` message after the person picked an option.
    static func optionPicked(id: Int, conversation: Int, value: String, title: String, status: String = "pending") -> Data {
        json([
            "event": "message_updated", "id": id, "content": "question", "content_type": "input_select",
            "content_attributes": ["items": [["title": title, "value": value]], "submitted_values": [["title": title, "value": value]]],
            "message_type": "outgoing", "private": false, "created_at": "2026-12-02T05:40:01.000Z",
            "sender": ["id": 1, "name": "Second opinion", "type": "agent_bot"],
            "account": ["id": account, "name": "Patient desk"], "inbox": ["id": 3, "name": "Website"],
            "conversation": conversationData(conversation, status: status),
        ])
    }

    /// `webwidget_triggered`: the person opened the widget; `conversation` is their latest one.
    static func widgetOpened(conversation id: Int?, status: String = "pending") -> Data {
        json([
            "event": "webwidget_triggered", "id": 11, "source_id": "7f1c0e1a",
            "contact": ["id": 4, "name": "Visitor"], "inbox": ["id": 3, "name": "Website"],
            "account": ["id": account, "name": "Patient desk"],
            "current_conversation": id.map { conversationData($0, status: status) } ?? NSNull(),
            "event_info": ["initiated_at": ["timestamp": "Wed Dec 02 2026"], "referer": "https://hospital.example/", "browser_language": "nl"],
        ])
    }

    /// `conversation_status_changed` to `status`.
    static func statusChanged(conversation id: Int, to status: String) -> Data {
        var body = conversationData(id, status: status)
        body["event"] = "conversation_status_changed"
        body["account"] = ["id": account, "name": "Patient desk"]
        body["changed_attributes"] = [["status": ["previous_value": "open", "current_value": status]]]
        return json(body)
    }

    /// `conversation_resolved`.
    static func resolved(conversation id: Int) -> Data {
        var body = conversationData(id, status: "resolved")
        body["event"] = "conversation_resolved"
        body["account"] = ["id": account, "name": "Patient desk"]
        return json(body)
    }

    private static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
