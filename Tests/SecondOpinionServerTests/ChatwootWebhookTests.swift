import DialogEngine
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import SecondOpinionServer

/// The webhook's gate: only signed, fresh, first deliveries with a readable body get through, and
/// each refusal is a JSON error that says what is wrong. Nothing refused reaches Chatwoot or the
/// store.
@Suite struct ChatwootWebhookTests {
    static let body = ChatwootPayloads.messageCreated(id: 501, conversation: 41, text: "hallo")

    @Test func aSignedWebhookIsAcceptedAndAnsweredThroughChatwoot() async throws {
        try await ChatwootTestbed.run { bed in
            let response = try await bed.send(Self.body)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.text == #"{"status":"accepted"}"#)
            let requests = try await bed.fake.waitForRequests(1)
            #expect(requests.allSatisfy { $0.path == "/api/v1/accounts/7/conversations/41/messages" })
            #expect(requests.allSatisfy { $0.accessToken == ChatwootTestbed.accessToken })
            #expect(await bed.store.load(id: bed.sessionID(41)) != nil)
        }
    }

    @Test func anUnsignedWebhookIsRefused() async throws {
        try await expectRefused(status: .unauthorized, code: "unauthorized",
                                message: "The webhook is not signed; set the Agent Bot's secret in Chatwoot and on this server.",
                                location: "X-Chatwoot-Signature") { bed in try await bed.send(Self.body, unsigned: true) }
    }

    @Test func aWebhookSignedWithAnotherSecretIsRefused() async throws {
        let other = ChatwootSignature(secret: "another-secret", tolerance: .seconds(300))
        let now = Int(Date().timeIntervalSince1970)
        try await expectRefused(status: .unauthorized, code: "unauthorized",
                                message: "The webhook signature does not match; check that this server has the Agent Bot's secret.",
                                location: "X-Chatwoot-Signature") { bed in
            try await bed.send(Self.body, timestamp: now, signature: other.sign(Array(Self.body), timestamp: now))
        }
    }

    @Test func aSignatureOfAnotherBodyIsRefused() async throws {
        let now = Int(Date().timeIntervalSince1970)
        let signer = ChatwootSignature(secret: ChatwootTestbed.secret, tolerance: .seconds(300))
        let tampered = ChatwootPayloads.messageCreated(id: 501, conversation: 41, text: "hallo!")
        try await expectRefused(status: .unauthorized, code: "unauthorized",
                                message: "The webhook signature does not match; check that this server has the Agent Bot's secret.",
                                location: "X-Chatwoot-Signature") { bed in
            try await bed.send(tampered, timestamp: now, signature: signer.sign(Array(Self.body), timestamp: now))
        }
    }

    @Test(arguments: ["0123abcd", "sha1=" + String(repeating: "a", count: 64), "sha256=" + String(repeating: "g", count: 64)])
    func aSignatureOfTheWrongShapeIsRefused(signature: String) async throws {
        try await expectRefused(status: .unauthorized, code: "unauthorized",
                                message: "X-Chatwoot-Signature must look like sha256=<64 hex digits>.",
                                location: "X-Chatwoot-Signature") { bed in try await bed.send(Self.body, signature: signature) }
    }

    // Six minutes off, so a slow machine between signing and checking cannot bring it within five;
    // the exact boundary is checked below with a fixed clock.
    @Test(arguments: [-360, 360])
    func aWebhookMoreThanFiveMinutesFromOurClockIsRefused(offset: Int) async throws {
        try await expectRefused(status: .unauthorized, code: "unauthorized",
                                message: "The webhook was sent more than 5 minutes from this server's time; check both clocks.",
                                location: "X-Chatwoot-Timestamp") { bed in
            try await bed.send(Self.body, timestamp: Int(Date().timeIntervalSince1970) + offset)
        }
    }

    @Test func fiveMinutesIsTheBoundaryOnBothSides() throws {
        let signature = ChatwootSignature(secret: ChatwootTestbed.secret, tolerance: .seconds(300))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let body = Array(Self.body)
        for offset in [-300, 0, 300] {
            let sent = 1_800_000_000 + offset
            #expect(throws: Never.self) {
                try signature.verify(timestamp: String(sent), signature: signature.sign(body, timestamp: sent), body: body, now: now)
            }
        }
        for offset in [-301, 301] {
            let sent = 1_800_000_000 + offset
            #expect(throws: APIError.self) {
                try signature.verify(timestamp: String(sent), signature: signature.sign(body, timestamp: sent), body: body, now: now)
            }
        }
    }

    @Test func aRepeatedDeliveryIsDroppedAndAnsweredOnce() async throws {
        try await ChatwootTestbed.run { bed in
            let first = try await bed.send(Self.body, delivery: "3f0e5b7c-delivery")
            #expect(first.text == #"{"status":"accepted"}"#)
            await bed.settle()
            let answered = bed.fake.requests.count
            #expect(answered > 0)
            let again = try await bed.send(Self.body, delivery: "3f0e5b7c-delivery")
            #expect(again.status == .ok)
            #expect(again.text == #"{"status":"duplicate"}"#)
            await bed.settle()
            #expect(bed.fake.requests.count == answered)
        }
    }

    @Test func theSameMessageUnderAnotherDeliveryIsAppliedOnce() async throws {
        // Another instance of the server would not know the delivery id; the session does know
        // the message.
        try await ChatwootTestbed.run { bed in
            try await bed.deliver(Self.body)
            await bed.settle()
            let answered = bed.fake.requests.count
            let revision = try #require(await bed.store.load(id: bed.sessionID(41))).revision
            try await bed.deliver(Self.body)
            await bed.settle()
            #expect(bed.fake.requests.count == answered)
            #expect(await bed.store.load(id: bed.sessionID(41))?.revision == revision)
        }
    }

    @Test(arguments: [
        (#"{"event": "message_created", "id": 5"#, "invalid_json", "The webhook body is not valid JSON.", "line 1, column 37"),
        (#"{"id": 5}"#, "invalid_request", "The webhook has no 'event'; is this URL set as an Agent Bot's webhook in Chatwoot?", "$.event"),
        (#"["message_created"]"#, "wrong_type", "The webhook has a value of an unexpected type; is this URL set as an Agent Bot's webhook in Chatwoot?", "$"),
        (#"{"event": "message_created", "conversation": {"id": "41"}}"#, "wrong_type",
         "The webhook has a value of an unexpected type; is this URL set as an Agent Bot's webhook in Chatwoot?", "$.conversation.id"),
    ])
    func aMalformedBodyIsRefusedWithWhere(body: String, code: String, message: String, location: String) async throws {
        try await expectRefused(status: .badRequest, code: code, message: message, location: location) { bed in
            try await bed.send(Data(body.utf8))
        }
    }

    /// Chatwoot delivering one message again to another instance while the first applies it:
    /// it is applied once and answered once, whichever instance comes first.
    @Test func theSameMessageOnTwoInstancesAtOnceIsAnsweredOnce() async throws {
        try await ChatwootTestbed.runTwoInstances { first, second in
            try await first.deliver(ChatwootPayloads.messageCreated(id: 700, conversation: 43, text: "hallo"))
            await first.settle()
            for (offset, text) in ["wie betaalt de second opinion", "ik heb geen verwijzing", "terug"].enumerated() {
                let before = first.fake.requests.count
                let revision = try #require(await first.store.load(id: first.sessionID(43))).revision
                let body = ChatwootPayloads.messageCreated(id: 701 + offset, conversation: 43, text: text)
                async let viaFirst: Void = first.deliver(body)
                async let viaSecond: Void = second.deliver(body)
                _ = try await (viaFirst, viaSecond)
                await first.settle()
                await second.settle()
                // Applied once: one revision more. Answered once: no message posted twice.
                #expect(await first.store.load(id: first.sessionID(43))?.revision == revision + 1)
                let posted = first.fake.requests.dropFirst(before).map(\.body)
                #expect(!posted.isEmpty)
                #expect(Set(posted).count == posted.count)
            }
        }
    }

    @Test func invalidUTF8IsRefused() async throws {
        try await expectRefused(status: .badRequest, code: "invalid_utf8", message: "The webhook body is not valid UTF-8.", location: "byte 12") { bed in
            try await bed.send(Data(#"{"event": "m"#.utf8) + Data([0xFF]) + Data(#""}"#.utf8))
        }
    }

    @Test(arguments: [
        ChatwootPayloads.messageCreated(id: 502, conversation: 41, text: "Wat kan ik voor je doen?", type: "outgoing"),
        ChatwootPayloads.messageCreated(id: 503, conversation: 41, text: "Let op: terugbellen", isPrivate: true),
        ChatwootPayloads.messageCreated(id: 504, conversation: 41, text: "hallo", status: "open"),
        ChatwootPayloads.widgetOpened(conversation: nil),
        ChatwootPayloads.statusChanged(conversation: 41, to: "open"),
    ])
    func whatIsNotForTheBotIsIgnored(body: Data) async throws {
        try await ChatwootTestbed.run { bed in
            let response = try await bed.send(body)
            #expect(response.status == .ok)
            #expect(response.text == #"{"status":"ignored"}"#)
            await bed.settle()
            #expect(bed.fake.requests.isEmpty)
            #expect(await bed.store.count() == 0)
        }
    }

    /// Sends one webhook and checks the error and that nothing happened.
    private func expectRefused(status: HTTPResponse.Status, code: String, message: String, location: String,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation,
                               _ send: @Sendable @escaping (ChatwootTestbed) async throws -> TestResponse) async throws {
        try await ChatwootTestbed.run { bed in
            let response = try await send(bed)
            #expect(response.status == status, sourceLocation: sourceLocation)
            let error = try response.error()
            #expect(error.code == code, sourceLocation: sourceLocation)
            #expect(error.message == message, sourceLocation: sourceLocation)
            #expect(error.location == location, sourceLocation: sourceLocation)
            await bed.settle()
            #expect(bed.fake.requests.isEmpty, sourceLocation: sourceLocation)
            #expect(await bed.store.count() == 0, sourceLocation: sourceLocation)
        }
    }
}

/// The webhook's answers, each kind once, validated against `openapi.yaml` like the rest of the API.
@Suite struct ChatwootOpenAPITests {
    @Test(.enabled(if: OpenAPIConformanceTests.hasValidator || PostgresTestDatabase.isCI, "needs python3 with jsonschema and PyYAML (.ci/run installs them)"))
    func everyKindOfWebhookAnswerMatchesTheDocument() async throws {
        let recorder = OpenAPIConformanceTests.Recorder()
        try await ChatwootTestbed.run { bed in
            let path = "/v1/adapters/chatwoot/webhook"
            let body = ChatwootWebhookTests.body
            recorder.record(.post, path, try await bed.send(body, delivery: "once"))
            recorder.record(.post, path, try await bed.send(body, delivery: "once"))
            recorder.record(.post, path, try await bed.send(ChatwootPayloads.statusChanged(conversation: 41, to: "open")))
            recorder.record(.post, path, try await bed.send(body, unsigned: true))
            recorder.record(.post, path, try await bed.send(body, timestamp: 1_000_000))
            recorder.record(.post, path, try await bed.send(Data(#"{"id": 1"#.utf8)))
            await bed.settle()
        }
        let (status, text) = try recorder.validate()
        #expect(status == 0, "\(text)")
        #expect(text == "validated 6 responses\n")
    }
}
