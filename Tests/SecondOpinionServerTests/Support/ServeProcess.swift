import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// `second-opinion serve` as a real process on a loopback port, as the README starts it, with
/// its log (standard output and error) in a file the test can read afterwards.
final class ServeProcess {
    private(set) var port = 0
    let logFile: URL
    private let process = Process()

    /// Starts the binary with `--store store` on a port the system picks (read from the log,
    /// so two test servers never meet on one port) and waits, polling up to 60 s on a busy
    /// machine, until `/readyz` answers 200.
    init(store: String) async throws {
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: logFile)
        process.executableURL = BuiltProduct.url(named: "second-opinion")
        process.arguments = ["serve", "--store", store, "--port", "0", "--log-level", "info"]
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try output.close()
        for _ in 0..<600 where process.isRunning {
            if port == 0, let listening = log.firstMatch(of: /listening on 127\.0\.0\.1:(\d+)/) { port = Int(listening.1) ?? 0 }
            if port != 0, let (_, response) = try? await URLSession.shared.data(from: url("/readyz")),
               (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        throw NotReady(log: self.log)
    }

    /// The server ended or did not answer `/readyz` in time.
    struct NotReady: Error, CustomStringConvertible {
        var log: String
        var description: String { "the server did not become ready; its log:\n\(log)" }
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: logFile)
    }

    /// What the server logged so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Sends SIGTERM and waits for the process to end; returns its exit status (nil when a
    /// signal ended it instead).
    func stop() -> Int32? {
        process.terminate()
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// Sends a request as curl would, and returns the status and the body as a JSON object.
    func send(_ method: String, _ path: String, json: String? = nil, token: String? = nil) async throws -> (status: Int, body: [String: Any]) {
        var request = URLRequest(url: url(path))
        request.httpMethod = method
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.utf8)
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let body = data.isEmpty ? [:] : try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any],
                                                      "not a JSON object: \(String(decoding: data, as: UTF8.self))")
        return (status, body)
    }
}
