import Foundation
import Testing

/// The README's way in: `second-opinion serve` started as a process, talked to over HTTP, stopped
/// with SIGTERM and started again. In-process tests cover each endpoint; these check that the
/// binary, its default store and PostgreSQL hold a conversation across processes.
@Suite(.serialized) struct ServeProcessTests {
    @Test func aConversationOnSQLiteContinuesAfterTheServerIsRestarted() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = "sqlite:\(folder.path)/sessions.sqlite"
        let typed = "Wie betaalt mijn second opinion over de knie XYZZY-4711?"

        let first = try await ServeProcess(store: store)
        let created = try await first.send("POST", "/v1/sessions", json: #"{"language":"nl"}"#)
        #expect(created.status == 201)
        let id = try #require(created.body["sessionId"] as? String)
        let token = try #require(created.body["token"] as? String)
        let asked = try await first.send("POST", "/v1/sessions/\(id)/turns", json: #"{"text":"\#(typed)"}"#, token: token)
        #expect(asked.status == 200)
        #expect(asked.body["revision"] as? Int == 2)
        let question = try #require(asked.body["turn"] as? [String: Any])
        #expect(question["flow"] as? String == "costs")
        #expect(question["node"] as? String == "ask_insurance")
        #expect(first.stop() == 0)

        // What the log says about the requests, and what it must never say.
        let log = first.log
        #expect(log.contains("hb.request.id="))
        #expect(log.contains("hb.request.path=/v1/sessions/\(id)/turns"))
        #expect(log.contains("http.response.status=201"))
        #expect(log.contains("request answered"))
        #expect(!log.contains("XYZZY"), "the log holds message text:\n\(log)")
        #expect(!log.contains(token), "the log holds the session token")

        let second = try await ServeProcess(store: store)
        let resumed = try await second.send("GET", "/v1/sessions/\(id)", token: token)
        #expect(resumed.status == 200)
        #expect(resumed.body["revision"] as? Int == 2)
        #expect((resumed.body["turn"] as? NSDictionary) == (question as NSDictionary))
        let answered = try await second.send("POST", "/v1/sessions/\(id)/turns", json: #"{"choice":"basic"}"#, token: token)
        #expect(answered.status == 200)
        #expect(answered.body["revision"] as? Int == 3)
        let next = try #require(answered.body["turn"] as? [String: Any])
        #expect(next["node"] as? String == "ask_referral")
        #expect(second.stop() == 0)
    }

    @Test(.enabled(if: PostgresTestDatabase.enabled))
    func twoServerProcessesOnOnePostgreSQLHoldOneConversation() async throws {
        try await PostgresTestDatabase.with { url in
            let one = try await ServeProcess(store: url)
            let two = try await ServeProcess(store: url)
            let created = try await one.send("POST", "/v1/sessions", json: #"{"language":"en"}"#)
            #expect(created.status == 201)
            let id = try #require(created.body["sessionId"] as? String)
            let token = try #require(created.body["token"] as? String)

            // The load balancer sends each turn to either instance.
            let asked = try await two.send("POST", "/v1/sessions/\(id)/turns", json: #"{"text":"who pays for a second opinion?"}"#, token: token)
            #expect(asked.status == 200)
            #expect(asked.body["revision"] as? Int == 2)
            #expect((asked.body["turn"] as? [String: Any])?["node"] as? String == "ask_insurance")
            let answered = try await one.send("POST", "/v1/sessions/\(id)/turns", json: #"{"choice":"basic"}"#, token: token)
            #expect(answered.status == 200)
            #expect(answered.body["revision"] as? Int == 3)
            #expect((answered.body["turn"] as? [String: Any])?["node"] as? String == "ask_referral")
            let back = try await two.send("POST", "/v1/sessions/\(id)/turns", json: #"{"command":"back"}"#, token: token)
            #expect(back.status == 200)
            #expect(back.body["revision"] as? Int == 4)
            #expect((back.body["turn"] as? [String: Any])?["node"] as? String == "ask_insurance")

            let seenByOne = try await one.send("GET", "/v1/sessions/\(id)", token: token)
            #expect(seenByOne.body["revision"] as? Int == 4)
            #expect((seenByOne.body["turn"] as? NSDictionary) == (back.body["turn"] as? NSDictionary))
            let deleted = try await one.send("DELETE", "/v1/sessions/\(id)", token: token)
            #expect(deleted.status == 204)
            let gone = try await two.send("GET", "/v1/sessions/\(id)", token: token)
            #expect(gone.status == 404)
            #expect((gone.body["error"] as? [String: Any])?["code"] as? String == "session_not_found")
            #expect(one.stop() == 0)
            #expect(two.stop() == 0)
        }
    }
}
