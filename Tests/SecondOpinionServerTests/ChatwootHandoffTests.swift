import DialogEngine
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import SecondOpinionServer

/// Handing a Chatwoot conversation to a person: the assistant's words, the summary as a private
/// note, then `toggle_status` to open; silence while an agent has it; back on `pending`.
@Suite struct ChatwootHandoffTests {
    @Test func askingForAPersonLeavesTheSummaryForTheAgentAndOpensTheConversation() async throws {
        try await ChatwootTestbed.run { bed in
            var mirror = ChatwootConversationTests.Mirror(language: "nl")
            let costs = mirror.reply("4")
            try await bed.deliver(ChatwootPayloads.messageCreated(id: 1000, conversation: 505, text: "4"))
            await bed.settle()
            let before = bed.fake.requests.count
            #expect(before == ChatwootReply.messages(for: mirror.greeting, showsOptions: true).count
                + ChatwootReply.messages(for: costs, showsOptions: true).count)

            let handoff = mirror.reply("/mens")
            #expect(handoff.handoff == Turn.Handoff(reason: .requested, interrupt: nil))
            try await bed.deliver(ChatwootPayloads.messageCreated(id: 1001, conversation: 505, text: "/mens"))
            await bed.settle()
            let said = ChatwootReply.messages(for: handoff, showsOptions: true)
            let sent = Array(bed.fake.requests.dropFirst(before))
            #expect(sent.count == said.count + 2)
            for (request, message) in zip(sent, said) {
                #expect(request.content == message.content)
            }

            // The summary, exactly as POST /v1/sessions/{id}/handoff gives it, as a private note.
            let note = try #require(sent.dropLast().last)
            #expect(note.path == "/api/v1/accounts/7/conversations/505/messages")
            #expect(note.json["private"] as? Bool == true)
            #expect(note.json["message_type"] as? String == "outgoing")
            let markdown = try await summary(of: 505, bed)
            let noteText = try #require(note.content)
            #expect(Self.withoutDuration(noteText) == Self.withoutDuration(markdown))
            #expect(markdown.hasPrefix("# Samenvatting voor de overdracht\n\n- **Reden:** de persoon vroeg om een mens\n"))
            #expect(markdown.contains("Kosten en vergoeding (`costs`)"))
            #expect(!markdown.contains("/mens"))

            // Then the conversation goes to the agents.
            let open = try #require(sent.last)
            #expect(open.path == "/api/v1/accounts/7/conversations/505/toggle_status")
            #expect(open.json as NSDictionary == ["status": "open"])
            #expect(open.accessToken == ChatwootTestbed.accessToken)

            // While the agent has it, the bot says nothing, whatever the person writes.
            let count = bed.fake.requests.count
            let revision = await bed.store.load(id: bed.sessionID(505))?.revision
            for (id, text) in [(1002, "hallo?"), (1003, "/mens"), (1004, "pijn op de borst")] {
                let response = try await bed.send(ChatwootPayloads.messageCreated(id: id, conversation: 505, text: text, status: "open"))
                #expect(response.text == #"{"status":"ignored"}"#)
            }
            await bed.settle()
            #expect(bed.fake.requests.count == count)
            #expect(await bed.store.load(id: bed.sessionID(505))?.revision == revision)

            // The agent hands it back: the same session goes on.
            let topics = mirror.reply("/topics")
            try await bed.deliver(ChatwootPayloads.statusChanged(conversation: 505, to: "pending"))
            await bed.settle()
            let resumed = Array(bed.fake.requests.dropFirst(count))
            #expect(resumed.map(\.content) == ChatwootReply.messages(for: topics, showsOptions: true).map(\.content))
            #expect(await bed.store.load(id: bed.sessionID(505))?.revision == revision.map { $0 + 1 })
        }
    }

    @Test func aSafetyAnswerComesFirstAndThenTheConversationGoesToAPersonAsAnEmergency() async throws {
        try await ChatwootTestbed.run { bed in
            var mirror = ChatwootConversationTests.Mirror(language: "nl")
            let text = "mijn vader heeft ineens pijn op de borst"
            let safety = mirror.reply(text)
            let reason = try #require(safety.handoff)
            #expect(reason.reason == .emergency)
            try await bed.deliver(ChatwootPayloads.messageCreated(id: 1100, conversation: 606, text: text))
            await bed.settle()
            let greeting = ChatwootReply.messages(for: mirror.greeting, showsOptions: true)
            let answer = ChatwootReply.messages(for: safety, showsOptions: true)
            let sent = bed.fake.requests
            #expect(sent.count == greeting.count + answer.count + 2)
            #expect(Array(sent.dropFirst(greeting.count).prefix(answer.count)).map(\.content) == answer.map(\.content))
            // Where to get help now, with the emergency number as a link.
            #expect(safety.sources.contains { $0.url == "https://www.112.nl" })
            #expect(sent[greeting.count].content?.contains("- [112, het alarmnummer](https://www.112.nl) (Rijksoverheid)") == true)
            let note = try #require(sent.dropLast().last)
            #expect(note.json["private"] as? Bool == true)
            #expect(note.content?.hasPrefix("# Samenvatting voor de overdracht\n\n- **Reden:** ") == true)
            let noteText = try #require(note.content)
            let markdown = try await summary(of: 606, bed)
            #expect(Self.withoutDuration(noteText) == Self.withoutDuration(markdown))
            #expect(sent.last?.path == "/api/v1/accounts/7/conversations/606/toggle_status")
            #expect(sent.last?.json as NSDictionary? == ["status": "open"])
        }
    }

    /// The summary Markdown the HTTP API gives for the conversation's session.
    private func summary(of conversation: Int, _ bed: ChatwootTestbed) async throws -> String {
        let token = bed.keys.identity(of: .init(account: ChatwootPayloads.account, conversation: conversation)).token
        let response = try await bed.client.send(.post, "/v1/sessions/\(bed.sessionID(conversation))/handoff", json: "{}", token: token)
        #expect(response.status == .ok)
        return try #require(try response.jsonObject()["markdown"] as? String)
    }

    /// The summary without its duration line, which depends on when it was asked for.
    static func withoutDuration(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("- **Duur:**") && !$0.hasPrefix("- **Duration:**") }.joined(separator: "\n")
    }
}
