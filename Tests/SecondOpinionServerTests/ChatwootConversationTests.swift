import DialogEngine
import Foundation
import HTTPTypes
import Testing
@testable import SecondOpinionServer

/// Whole conversations through the Chatwoot adapter: what reaches Chatwoot is what the engine
/// says, rendered for the channel, and the session follows the conversation's life.
@Suite struct ChatwootConversationTests {
    /// The engine on a session of its own, to know what the adapter's session must say.
    struct Mirror {
        var session: DialogSession
        let greeting: Turn

        init(language: String) {
            (session, greeting) = TestServer.engine.start(language: language)
        }

        mutating func reply(_ text: String) -> Turn {
            TestServer.engine.reply(text, in: &session)
        }
    }

    @Test func aWholeConversationWithOptionsOnTheWebWidget() async throws {
        try await ChatwootTestbed.run { bed in
            var mirror = Mirror(language: "nl")
            try await bed.deliver(ChatwootPayloads.widgetOpened(conversation: 101))
            await bed.settle()
            let greeting = ChatwootReply.messages(for: mirror.greeting, showsOptions: true)
            try expect(bed.fake.requests, equal: greeting, conversation: 101)
            // The greeting: the welcome text, then the menu as options whose values are choice ids.
            #expect(bed.fake.requests.first?.content == mirror.greeting.messages.joined(separator: "\n\n"))
            let menu = try #require(bed.fake.requests.last)
            #expect(menu.json["content_type"] as? String == "input_select")
            #expect(menu.content == mirror.greeting.question)
            #expect(menu.items == mirror.greeting.choices.map { ["title": $0.label, "value": $0.id] })
            #expect(menu.items.count >= 2)

            // Opening the widget again does not greet twice.
            try await bed.deliver(ChatwootPayloads.widgetOpened(conversation: 101))
            await bed.settle()
            #expect(bed.fake.requests.count == greeting.count)

            // The person picks the first option; Chatwoot reports it on the bot's message.
            let first = mirror.greeting.choices[0]
            let picked = mirror.reply(String(first.number))
            try await bed.deliver(ChatwootPayloads.optionPicked(id: 9001, conversation: 101, value: first.id, title: first.label))
            await bed.settle()
            let afterPick = ChatwootReply.messages(for: picked, showsOptions: true)
            try expect(Array(bed.fake.requests.dropFirst(greeting.count)), equal: afterPick, conversation: 101)

            // The same update again (Chatwoot also reports read receipts on it) changes nothing.
            try await bed.deliver(ChatwootPayloads.optionPicked(id: 9001, conversation: 101, value: first.id, title: first.label))
            await bed.settle()
            #expect(bed.fake.requests.count == greeting.count + afterPick.count)

            // The next question's option; the answer names its sources (as links where they are online).
            let next = try #require(picked.choices.first)
            let answered = mirror.reply(String(next.number))
            try await bed.deliver(ChatwootPayloads.optionPicked(id: 9002, conversation: 101, value: next.id, title: next.label))
            await bed.settle()
            var sent = greeting.count + afterPick.count
            let afterSecond = ChatwootReply.messages(for: answered, showsOptions: true)
            try expect(Array(bed.fake.requests.dropFirst(sent)), equal: afterSecond, conversation: 101)
            #expect(!answered.sources.isEmpty)
            for source in answered.sources {
                let named = source.url.map { "- [\(source.title)](\($0)) (\(source.publisher))" } ?? "- \(source.title) (\(source.publisher))"
                #expect(bed.fake.requests[sent].content?.contains(named) == true, "\(named)")
            }
            sent += afterSecond.count

            // An option of an older question that is not on offer now: its title is read as text.
            let old = mirror.greeting.choices[3]
            let byTitle = mirror.reply(old.label)
            try await bed.deliver(ChatwootPayloads.optionPicked(id: 9000, conversation: 101, value: old.id, title: old.label))
            await bed.settle()
            let afterTitle = ChatwootReply.messages(for: byTitle, showsOptions: true)
            try expect(Array(bed.fake.requests.dropFirst(sent)), equal: afterTitle, conversation: 101)
            sent += afterTitle.count

            // Typed text goes through the engine like in the terminal.
            let typed = mirror.reply("wie betaalt dat?")
            try await bed.deliver(ChatwootPayloads.messageCreated(id: 9003, conversation: 101, text: "wie betaalt dat?"))
            await bed.settle()
            let afterText = ChatwootReply.messages(for: typed, showsOptions: true)
            try expect(Array(bed.fake.requests.dropFirst(sent)), equal: afterText, conversation: 101)
            #expect(bed.fake.requests.allSatisfy { $0.accessToken == ChatwootTestbed.accessToken })
            #expect(await bed.store.load(id: bed.sessionID(101))?.revision == 5)
        }
    }

    @Test func aChannelWithoutOptionsGetsANumberedListInTheBrowsersLanguage() async throws {
        try await ChatwootTestbed.run { bed in
            var mirror = Mirror(language: "en")
            let answer = mirror.reply("2")
            try await bed.deliver(ChatwootPayloads.messageCreated(id: 700, conversation: 202, text: "2", channel: ChatwootPayloads.sms,
                                                                  language: "en-US"))
            await bed.settle()
            let greeting = mirror.greeting
            let list = greeting.choices.map { "\($0.number). \($0.label)" }.joined(separator: "\n")
            let expected = [ChatwootOutgoingMessage.text(greeting.messages.joined(separator: "\n\n") + "\n\n" + (greeting.question ?? "") + "\n" + list)]
                + ChatwootReply.messages(for: answer, showsOptions: false)
            try expect(bed.fake.requests, equal: expected, conversation: 202)
            #expect(bed.fake.requests.allSatisfy { $0.json["content_type"] == nil && $0.json["content_attributes"] == nil })
            #expect(bed.fake.requests.first?.content?.hasPrefix("Hello! I help with questions about a second opinion") == true)
        }
    }

    @Test func theBotIsSilentWhileTheConversationIsOpenAndResumesWhenItIsPendingAgain() async throws {
        try await ChatwootTestbed.run { bed in
            var mirror = Mirror(language: "nl")
            try await bed.deliver(ChatwootPayloads.widgetOpened(conversation: 303))
            await bed.settle()
            let greeted = bed.fake.requests.count
            #expect(greeted == 2)

            // An agent has the conversation: the person's messages are theirs.
            for (id, text) in [(801, "1"), (802, "ik wil iemand spreken")] {
                let response = try await bed.send(ChatwootPayloads.messageCreated(id: id, conversation: 303, text: text, status: "open"))
                #expect(response.text == #"{"status":"ignored"}"#)
            }
            let picked = try await bed.send(ChatwootPayloads.optionPicked(id: 803, conversation: 303, value: "costs", title: "Kosten", status: "open"))
            #expect(picked.text == #"{"status":"ignored"}"#)
            await bed.settle()
            #expect(bed.fake.requests.count == greeted)
            #expect(await bed.store.load(id: bed.sessionID(303))?.revision == 1)

            // The agent gives it back: the bot shows the topics and answers again.
            let topics = mirror.reply("/topics")
            try await bed.deliver(ChatwootPayloads.statusChanged(conversation: 303, to: "pending"))
            await bed.settle()
            let resumed = ChatwootReply.messages(for: topics, showsOptions: true)
            try expect(Array(bed.fake.requests.dropFirst(greeted)), equal: resumed, conversation: 303)
            let answer = mirror.reply("1")
            try await bed.deliver(ChatwootPayloads.messageCreated(id: 804, conversation: 303, text: "1"))
            await bed.settle()
            try expect(Array(bed.fake.requests.dropFirst(greeted + resumed.count)),
                       equal: ChatwootReply.messages(for: answer, showsOptions: true), conversation: 303)
        }
    }

    @Test(arguments: [ChatwootPayloads.resolved(conversation: 404), ChatwootPayloads.statusChanged(conversation: 404, to: "resolved")])
    func resolvingTheConversationDeletesItsSession(resolution: Data) async throws {
        try await ChatwootTestbed.run { bed in
            try await bed.deliver(ChatwootPayloads.messageCreated(id: 900, conversation: 404, text: "1"))
            await bed.settle()
            let sent = bed.fake.requests.count
            #expect(await bed.store.load(id: bed.sessionID(404)) != nil)
            try await bed.deliver(resolution)
            await bed.settle()
            #expect(await bed.store.load(id: bed.sessionID(404)) == nil)
            #expect(await bed.store.count() == 0)
            #expect(bed.fake.requests.count == sent)

            // A new message reopens the conversation for the bot: a new session, greeted afresh.
            try await bed.deliver(ChatwootPayloads.messageCreated(id: 901, conversation: 404, text: "1"))
            await bed.settle()
            #expect(await bed.store.load(id: bed.sessionID(404))?.revision == 2)
            #expect(bed.fake.requests.count == sent * 2)
        }
    }

    @Test func sessionsAreKeptApartPerAccountAndConversation() {
        let keys = ChatwootSessionKeys(secret: ChatwootTestbed.secret)
        let one = keys.identity(of: .init(account: 7, conversation: 12))
        #expect(one == keys.identity(of: .init(account: 7, conversation: 12)))
        #expect(SessionToken.isWellFormedSessionID(one.id))
        #expect(one.token.count == 43)
        let others = [keys.identity(of: .init(account: 71, conversation: 2)), keys.identity(of: .init(account: 7, conversation: 1)),
                      ChatwootSessionKeys(secret: "another secret").identity(of: .init(account: 7, conversation: 12))]
        for other in others {
            #expect(other.id != one.id)
            #expect(other.token != one.token)
        }
    }

    /// The requests are exactly `messages`, posted in order to the conversation's messages URL.
    private func expect(_ requests: [FakeChatwoot.Request], equal messages: [ChatwootOutgoingMessage], conversation: Int,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(requests.count == messages.count, "posted \(requests.map(\.json))", sourceLocation: sourceLocation)
        for (request, message) in zip(requests, messages) {
            #expect(request.path == "/api/v1/accounts/\(ChatwootPayloads.account)/conversations/\(conversation)/messages", sourceLocation: sourceLocation)
            let expected = try JSONSerialization.jsonObject(with: JSONEncoder().encode(message)) as? NSDictionary
            #expect(request.json as NSDictionary == expected, sourceLocation: sourceLocation)
        }
    }
}
