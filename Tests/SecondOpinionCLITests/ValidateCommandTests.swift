import Foundation
import Testing

/// `second-opinion validate --format json` and `--watch`.
@Suite struct ValidateCommandTests {
    @Test func jsonHoldsEveryFieldOfEveryDiagnostic() throws {
        let folder = try TemporaryBundle.copyOfDemo()
        defer { folder.remove() }
        let clean = try CommandRunner.run(["validate", "--format", "json", folder.url.path], input: "")
        #expect(clean.status == 0)
        #expect(clean.text == #"{"diagnostics":[],"errors":0,"warnings":0}"# + "\n")
        try folder.edit("flows/hours.json", replacing: "\"next\": \"answer\"", with: "\"next\": \"answr\"")
        let broken = try CommandRunner.run(["validate", "--format", "json", folder.url.path], input: "")
        #expect(broken.status == 1)
        #expect(broken.text == #"""
            {"diagnostics":[{"code":"DLG007","column":15,"file":"\#(folder.url.path)/flows/hours.json","hint":"did you mean 'answer'?","line":15,"message":"unknown node 'answr' in this flow","path":"$.nodes[0].next","severity":"error"}],"errors":1,"warnings":0}

            """#)
    }

    @Test func watchPrintsOnlyWhatChangedUntilStopped() throws {
        let folder = try TemporaryBundle.copyOfDemo()
        defer { folder.remove() }
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["validate", "--watch", folder.url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let seen = OutputCollector()
        output.fileHandleForReading.readabilityHandler = { handle in seen.append(handle.availableData) }
        try process.run()
        // SIGKILL: the child inherits the test runner's blocked signals, SIGTERM among them.
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let clean = "4 flows, 15 nodes, languages en, nl: 0 errors, 0 warnings\n"
        try #require(seen.wait(until: { $0 == clean }), "first report: \(seen.text)")
        try folder.edit("flows/hours.json", replacing: "\"next\": \"answer\"", with: "\"next\": \"answr\"")
        let broken = clean + """
            \(folder.url.path)/flows/hours.json:15:15: error: DLG007 unknown node 'answr' in this flow [$.nodes[0].next]
                  "next": "answr"
                          ^
            hint: did you mean 'answer'?
            4 flow file(s): 1 error, 0 warnings

            """
        try #require(seen.wait(until: { $0 == broken }), "after the edit: \(seen.text)")
        try folder.edit("flows/hours.json", replacing: "\"next\": \"answr\"", with: "\"next\": \"answer\"")
        let fixed = broken + "fixed: \(folder.url.path)/flows/hours.json:15:15: error: DLG007 unknown node 'answr' in this flow [$.nodes[0].next]\n" + clean
        try #require(seen.wait(until: { $0 == fixed }), "after the fix: \(seen.text)")

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(seen.text == fixed, "nothing more once the bundle is unchanged")
    }
}

/// Output read from a running process, waited on without sleeping in a busy loop.
final class OutputCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var data = Data()

    func append(_ chunk: Data) {
        condition.lock()
        data.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Waits until the output so far satisfies `done`; false if it never does within a minute
    /// (a guard against hanging, not a measure of speed).
    func wait(until done: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        condition.lock()
        defer { condition.unlock() }
        while !done(String(decoding: data, as: UTF8.self)) {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }
}
