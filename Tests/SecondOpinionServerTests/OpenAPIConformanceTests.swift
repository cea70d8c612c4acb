import DialogEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
@testable import SecondOpinionServer

/// Every response of a scripted conversation, errors included, validated against
/// `openapi.yaml` by Python's jsonschema; and the document's `Turn` schema against the code's
/// wire keys, so the two definitions cannot drift apart.
@Suite struct OpenAPIConformanceTests {
    static let packageRoot = PackageRoot.url

    static let hasValidator: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema, referencing, yaml"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Records what came back, with the path template it answers.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var exchanges: [[String: Any]] = []

        func record(_ method: HTTPRequest.Method, _ template: String, _ response: TestResponse) {
            let body: Any
            if response.body.readableBytes == 0 {
                body = NSNull()
            } else if response.headers[.contentType]?.hasPrefix("application/json") == true {
                body = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) ?? response.text
            } else {
                body = response.text
            }
            lock.withLock {
                exchanges.append(["method": method.rawValue, "path": template, "status": Int(response.status.code),
                                  "contentType": response.headers[.contentType] ?? NSNull(), "body": body])
            }
        }

        func data() throws -> Data { try lock.withLock { try JSONSerialization.data(withJSONObject: exchanges) } }

        /// Checks every recorded response against `openapi.yaml` with `validate_openapi.py` and
        /// returns its exit status and what it printed, e.g. "validated 6 responses".
        func validate() throws -> (status: Int32, output: String) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("so-openapi-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let exchanges = folder.appendingPathComponent("exchanges.json")
            try data().write(to: exchanges)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", OpenAPIConformanceTests.packageRoot.appendingPathComponent("Tests/SecondOpinionServerTests/Data/validate_openapi.py").path,
                OpenAPIConformanceTests.packageRoot.appendingPathComponent("Sources/SecondOpinionServer/Resources/openapi.yaml").path, exchanges.path,
                Turn.WireKey.allCases.map(\.rawValue).joined(separator: ","), "question,min,max,routing,handoff",
            ]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
    }

    @Test func theDocumentListsEveryErrorCodeTheServerSends() throws {
        let document = try String(contentsOf: Self.packageRoot.appendingPathComponent("Sources/SecondOpinionServer/Resources/openapi.yaml"),
                                  encoding: .utf8)
        // The `enum:` list under the error's `code`, which spans several lines.
        let codeStart = try #require(document.range(of: "            code:\n"))
        let listStart = try #require(document.range(of: "enum: [", range: codeStart.upperBound..<document.endIndex))
        let listEnd = try #require(document.range(of: "]", range: listStart.upperBound..<document.endIndex))
        let documented = document[listStart.upperBound..<listEnd.lowerBound]
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(documented == APIError.Code.allCases.map(\.rawValue))
    }

    @Test(.enabled(if: hasValidator || PostgresTestDatabase.isCI, "needs python3 with jsonschema and PyYAML (.ci/run installs them)"))
    func everyResponseOfAScriptedConversationMatchesTheDocument() async throws {
        let recorder = Recorder()
        let configuration = TestServer.configuration {
            $0.maximumBodySize = 512
            $0.sessionLimit = RateLimit(perSecond: 0.01, burst: 16)
        }
        try await TestServer.app(configuration: configuration).test(.router) { client in
            func call(_ method: HTTPRequest.Method, _ template: String, _ uri: String, json: String? = nil, token: String? = nil,
                      headers: HTTPFields = [:]) async throws -> TestResponse {
                let response = try await client.send(method, uri, json: json, token: token, headers: headers)
                recorder.record(method, template, response)
                return response
            }
            let sessionPath = "/v1/sessions/{id}"
            let turnsPath = "/v1/sessions/{id}/turns"
            for language in ["nl", "en"] {
                let created = try await call(.post, "/v1/sessions", "/v1/sessions", json: #"{"language":"\#(language)"}"#)
                let object = try created.jsonObject()
                let id = try #require(object["sessionId"] as? String)
                let token = try #require(object["token"] as? String)
                let turns = "/v1/sessions/\(id)/turns"
                let firstChoice = try #require(((object["turn"] as? [String: Any])?["choices"] as? [[String: Any]])?.first?["id"] as? String)
                for body in [#"{"choice":"\#(firstChoice)"}"#, #"{"text":"wie betaalt dat?"}"#, #"{"text":"1"}"#, #"{"text":"nee"}"#,
                             #"{"command":"back"}"#, #"{"command":"topics"}"#, #"{"command":"help"}"#, #"{"command":"human"}"#, #"{"language":"en"}"#,
                             #"{"text":"ik wil een second opinion"}"#, #"{"text":"ja"}"#, #"{"command":"restart"}"#] {
                    #expect(try await call(.post, turnsPath, turns, json: body, token: token).status == .ok)
                }
                #expect(try await call(.get, sessionPath, "/v1/sessions/\(id)", token: token).status == .ok)
                #expect(try await call(.get, "/v1/sessions/{id}/plan", "/v1/sessions/\(id)/plan", token: token).status == .ok)
                #expect(try await call(.get, "/v1/sessions/{id}/plan.md", "/v1/sessions/\(id)/plan.md", token: token).status == .ok)
                #expect(try await call(.post, "/v1/sessions/{id}/handoff", "/v1/sessions/\(id)/handoff", json: "{}", token: token).status == .ok)
                // The errors, each once. Only requests that show the session's token count against
                // its 16 turns: the 12 turns and the handoff above, the stale If-Match and the
                // idempotent pair use them up, so the help after them is refused.
                _ = try await call(.post, turnsPath, turns, json: #"{"text":"#, token: token)
                _ = try await call(.post, turnsPath, turns, json: #"{"text":"a"}"#)
                _ = try await call(.post, turnsPath, "/v1/sessions/0123456789abcdef0123456789abcdef/turns", json: #"{"text":"a"}"#, token: token)
                _ = try await call(.post, turnsPath, turns, json: #"{"text":"a"}"#, token: token, headers: [.ifMatch: "\"1\""])
                _ = try await call(.post, turnsPath, turns, json: #"{"text":"\#(String(repeating: "a", count: 600))"}"#, token: token)
                _ = try await call(.post, turnsPath, turns, json: "a", token: token, headers: [.contentType: "text/plain"])
                let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "k"]
                _ = try await call(.post, turnsPath, turns, json: #"{"command":"help"}"#, token: token, headers: key)
                _ = try await call(.post, turnsPath, turns, json: #"{"command":"back"}"#, token: token, headers: key)
                #expect(try await call(.post, turnsPath, turns, json: #"{"command":"help"}"#, token: token).status == .tooManyRequests)
                #expect(try await call(.delete, sessionPath, "/v1/sessions/\(id)", token: token).status == .noContent)
                #expect(try await call(.get, sessionPath, "/v1/sessions/\(id)", token: token).status == .notFound)
            }
            _ = try await call(.get, "/healthz", "/healthz")
            _ = try await call(.get, "/readyz", "/readyz")
        }
        let (status, text) = try recorder.validate()
        #expect(status == 0, "\(text)")
        #expect(text.hasPrefix("validated "), "\(text)")
        #expect(!text.hasPrefix("validated 0 "))
    }
}
