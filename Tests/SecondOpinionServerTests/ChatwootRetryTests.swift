import AsyncHTTPClient
import DialogEngine
import Foundation
import NIOCore
import Testing
@testable import SecondOpinionServer

/// Replies Chatwoot did not take are sent again, but only when Chatwoot cannot have acted on
/// them, so that nothing is ever posted twice.
@Suite struct ChatwootRetryTests {
    /// The greeting for a Dutch web-widget conversation, as the adapter posts it.
    private static var greeting: [ChatwootOutgoingMessage] {
        ChatwootReply.messages(for: TestServer.engine.start(language: "nl").1, showsOptions: true)
    }

    private static func messagesPath(_ conversation: Int) -> String {
        "/api/v1/accounts/\(ChatwootPayloads.account)/conversations/\(conversation)/messages"
    }

    private static func json(_ message: ChatwootOutgoingMessage) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(message)) as? NSDictionary)
    }

    @Test func aReplyChatwootDidNotTakeIsSentAgainUntilItIsTaken() async throws {
        try await ChatwootTestbed.run { bed in
            bed.fake.refuseNext([503])
            bed.fake.refuseNext([429], retryAfter: "1")
            bed.fake.refuseNext([503])
            try await bed.deliver(ChatwootPayloads.widgetOpened(conversation: 201))
            await bed.settle()

            let greeting = Self.greeting
            let requests = bed.fake.requests
            #expect(requests.map(\.status) == [503, 429, 503] + Array(repeating: 200, count: greeting.count))
            #expect(requests.allSatisfy { $0.path == Self.messagesPath(201) })
            // The first message four times, then the rest; each message taken once and in order.
            #expect(Set(requests.prefix(4).map(\.body)).count == 1)
            let taken = bed.fake.taken
            #expect(taken.count == greeting.count)
            for (request, message) in zip(taken, greeting) { #expect(request.json as NSDictionary == (try Self.json(message))) }
        }
    }

    @Test(arguments: [400, 401, 404, 422, 500, 502, 504])
    func aRefusalChatwootMayHaveActedOnIsNotSentAgain(status: Int) async throws {
        try await ChatwootTestbed.run { bed in
            bed.fake.refuseNext([status])
            try await bed.deliver(ChatwootPayloads.widgetOpened(conversation: 202))
            await bed.settle()
            // The reply stops at the refused message: sent once, nothing after it.
            #expect(bed.fake.requests.map(\.status) == [status])

            // The conversation goes on with the next message.
            try await bed.deliver(ChatwootPayloads.messageCreated(id: 7001, conversation: 202, text: "wie betaalt dat eigenlijk?"))
            await bed.settle()
            #expect(bed.fake.taken.count >= 1)
            #expect(bed.fake.taken.allSatisfy { $0.path == Self.messagesPath(202) })
        }
    }

    @Test func aReplyIsGivenUpAfterTheLastRetry() async throws {
        try await ChatwootTestbed.run { bed in
            bed.fake.refuseNext([503, 503, 503, 503])
            try await bed.deliver(ChatwootPayloads.widgetOpened(conversation: 203))
            await bed.settle()
            // One try and the three retries of the test settings.
            #expect(bed.fake.requests.map(\.status) == [503, 503, 503, 503])
            #expect(bed.fake.taken.isEmpty)
        }
    }

    @Test func onlyFailuresChatwootCannotHaveActedOnAreRetried() {
        for status: UInt in [429, 503] { #expect(ChatwootClient.mayRetry(ChatwootClient.Failure(status: status)), "\(status)") }
        for status: UInt in [400, 401, 404, 409, 422, 500, 502, 504] { #expect(!ChatwootClient.mayRetry(ChatwootClient.Failure(status: status)), "\(status)") }
        #expect(ChatwootClient.mayRetry(HTTPClientError.connectTimeout))
        #expect(!ChatwootClient.mayRetry(HTTPClientError.deadlineExceeded))
        #expect(!ChatwootClient.mayRetry(HTTPClientError.remoteConnectionClosed))
        #expect(ChatwootClient.mayRetry(IOError(errnoCode: ECONNREFUSED, reason: "connect")))
        #expect(!ChatwootClient.mayRetry(IOError(errnoCode: ECONNRESET, reason: "read")))
        #expect(!ChatwootClient.mayRetry(IOError(errnoCode: EHOSTUNREACH, reason: "write")))
        #expect(!ChatwootClient.mayRetry(CancellationError()))
    }

    /// Nothing listens on the port: the request never reached Chatwoot, so it may be sent again,
    /// whether Chatwoot is named by address or by host name (which connects another way).
    @Test(arguments: ["http://127.0.0.1:1", "http://localhost:1"])
    func noConnectionAtAllMayBeSentAgain(baseURL: String) async throws {
        var settings = ChatwootSettings(baseURL: baseURL, accessToken: "token", webhookSecret: "secret")
        settings.retryDelays = []
        let client = ChatwootClient(settings: settings, http: .shared, timeout: .seconds(1))
        do {
            try await client.post(.text("hallo"), to: .init(account: 1, conversation: 1))
            Issue.record("a post to a closed port succeeded")
        } catch {
            #expect(ChatwootClient.mayRetry(error), "\(error)")
        }
    }
}
