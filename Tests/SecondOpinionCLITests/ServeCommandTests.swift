import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `second-opinion serve` as a process: it answers on its port and stops cleanly on SIGTERM.
@Suite struct ServeCommandTests {
    @Test func theServerAnswersAndStopsGracefullyOnSIGTERM() async throws {
        // Below Linux's ephemeral ports (32768 and up), so no client socket holds it.
        let port = Int.random(in: 20_000...32_000)
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["serve", "--store", "memory", "--port", String(port), "--log-level", "warning"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.interrupt() } }

        // Polled, not timed: wait up to 30 s for the server to listen on a busy machine.
        var ready = false
        for _ in 0..<300 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            let probe = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/readyz")!)
            ready = (probe?.1 as? HTTPURLResponse)?.statusCode == 200
        }
        #expect(ready)

        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/sessions")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"language":"nl"}"#.utf8)
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 201)
        let created = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(created["revision"] as? Int == 1)

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test func anUnknownStoreIsRefusedWithTheForms() throws {
        let result = try CommandRunner.run(["serve", "--store", "redis://x"])
        #expect(result.status == 64)
        #expect(result.error.contains("Error: unknown store 'redis://x'; use memory, sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB"))
    }

    @Test func anUnclearTypedTextSettingIsRefused() throws {
        let result = try CommandRunner.run(["serve", "--store", "memory"], environment: ["SECOND_OPINION_SUMMARY_INCLUDE_TEXT": "maybe"])
        #expect(result.status == 64)
        #expect(result.error.contains("Error: SECOND_OPINION_SUMMARY_INCLUDE_TEXT must be 1 or 0 (true or false), not 'maybe'"))
    }

    @Test(arguments: [
        (["--chatwoot-url", "https://desk.example.org"], ["SECOND_OPINION_CHATWOOT_SECRET": "s"],
         "Error: --chatwoot-url needs the Agent Bot's access token in SECOND_OPINION_CHATWOOT_TOKEN"),
        (["--chatwoot-url", "https://desk.example.org"], ["SECOND_OPINION_CHATWOOT_TOKEN": "t"],
         "Error: --chatwoot-url needs the Agent Bot's webhook secret in SECOND_OPINION_CHATWOOT_SECRET"),
        (["--chatwoot-url", "desk.example.org"], ["SECOND_OPINION_CHATWOOT_TOKEN": "t", "SECOND_OPINION_CHATWOOT_SECRET": "s"],
         "Error: --chatwoot-url must be Chatwoot's address such as https://desk.example.org, not 'desk.example.org'"),
        ([], ["SECOND_OPINION_CHATWOOT_TOKEN": "t"],
         "Error: SECOND_OPINION_CHATWOOT_TOKEN or _SECRET is set, but not Chatwoot's address; add --chatwoot-url"),
    ])
    func anIncompleteChatwootConfigurationIsRefused(arguments: [String], environment: [String: String], message: String) throws {
        let result = try CommandRunner.run(["serve", "--store", "memory"] + arguments, environment: environment)
        #expect(result.status == 64)
        #expect(result.error.contains(message), "\(result.error)")
    }
}
