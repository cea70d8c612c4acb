import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SecondOpinionServer

/// The server with the Chatwoot adapter pointed at a ``FakeChatwoot``, and helpers to send it
/// webhooks signed the way Chatwoot signs them.
struct ChatwootTestbed: Sendable {
    static let secret = "agent-bot-secret-for-tests"
    static let accessToken = "agent-bot-access-token"

    let client: any TestClientProtocol
    let fake: FakeChatwoot
    let store: MemorySessionStore
    let queue: ChatwootWorkQueue
    let signer = ChatwootSignature(secret: secret, tolerance: .seconds(300))
    let keys = ChatwootSessionKeys(secret: secret)

    /// Settings for the fake at `url`, with retries a few milliseconds apart.
    static func settings(_ url: String) -> ChatwootSettings {
        var settings = ChatwootSettings(baseURL: url + "/", accessToken: accessToken, webhookSecret: secret)
        settings.retryDelays = [.milliseconds(5), .milliseconds(10), .milliseconds(20)]
        return settings
    }

    /// Runs `body` against a fresh server, store and fake Chatwoot.
    static func run(_ body: @Sendable (ChatwootTestbed) async throws -> Void) async throws {
        let fake = FakeChatwoot()
        try await fake.run { url in
            let configuration = TestServer.configuration {
                $0.chatwoot = settings(url)
            }
            let store = MemorySessionStore()
            let queue = ChatwootWorkQueue()
            var parts = SecondOpinionServer.Parts(engine: TestServer.engine, store: store, configuration: configuration,
                                                  planMarkdown: TestServer.planMarkdown, logger: TestServer.quietLogger)
            parts.chatwootWork = queue
            try await SecondOpinionServer.makeApplication(parts).test(.router) { client in
                try await body(ChatwootTestbed(client: client, fake: fake, store: store, queue: queue))
            }
        }
    }

    /// Runs `body` against two server instances over one store, both answering through one fake
    /// Chatwoot: webhooks may reach either.
    static func runTwoInstances(_ body: @Sendable (ChatwootTestbed, ChatwootTestbed) async throws -> Void) async throws {
        let fake = FakeChatwoot()
        try await fake.run { url in
            let configuration = TestServer.configuration {
                $0.chatwoot = settings(url)
            }
            let store = MemorySessionStore()
            let (firstQueue, secondQueue) = (ChatwootWorkQueue(), ChatwootWorkQueue())
            var parts = SecondOpinionServer.Parts(engine: TestServer.engine, store: store, configuration: configuration,
                                                  planMarkdown: TestServer.planMarkdown, logger: TestServer.quietLogger)
            parts.chatwootWork = firstQueue
            let firstApplication = SecondOpinionServer.makeApplication(parts)
            parts.chatwootWork = secondQueue
            let secondApplication = SecondOpinionServer.makeApplication(parts)
            try await firstApplication.test(.router) { firstClient in
                try await secondApplication.test(.router) { secondClient in
                    try await body(ChatwootTestbed(client: firstClient, fake: fake, store: store, queue: firstQueue),
                                   ChatwootTestbed(client: secondClient, fake: fake, store: store, queue: secondQueue))
                }
            }
        }
    }

    /// Posts a webhook, signed for `timestamp` (now by default) unless `signature` says otherwise.
    func send(_ body: Data, timestamp: Int = Int(Date().timeIntervalSince1970), delivery: String? = UUID().uuidString,
              signature: String? = nil, unsigned: Bool = false) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("X-Chatwoot-Timestamp")!: String(timestamp)]
        if !unsigned { headers[HTTPField.Name("X-Chatwoot-Signature")!] = signature ?? signer.sign(Array(body), timestamp: timestamp) }
        if let delivery { headers[HTTPField.Name("X-Chatwoot-Delivery")!] = delivery }
        return try await client.execute(uri: "/v1/adapters/chatwoot/webhook", method: .post, headers: headers,
                                        body: ByteBuffer(bytes: body))
    }

    /// Sends a webhook and checks that it was accepted.
    func deliver(_ body: Data, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws {
        let response = try await send(body)
        #expect(response.status == .ok, sourceLocation: sourceLocation)
        #expect(response.text == #"{"status":"accepted"}"#, sourceLocation: sourceLocation)
    }

    /// Waits until the adapter has finished every queued job (no timing involved).
    func settle() async {
        await queue.drain()
    }

    /// The session id the adapter uses for a conversation of the test account.
    func sessionID(_ conversation: Int) -> String {
        keys.identity(of: .init(account: ChatwootPayloads.account, conversation: conversation)).id
    }
}
