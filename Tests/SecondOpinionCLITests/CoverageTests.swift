import Foundation
import Testing

/// `second-opinion test --coverage`: what the scripts reached, per flow, and what they left out.
@Suite struct CoverageTests {
    static let demo = CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/demo").path + "/"
    static let scripts = CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/conversations").path

    @Test func theReportListsEveryFlowAndWhatWasNotReached() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "lang en\n> 1   # a repair\n> 1   # front wheel\n> yes # electric\n".write(to: folder.appendingPathComponent("one.convo"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["test", "--dialogs", Self.demo, "--coverage", folder.path], input: "")
        #expect(result.status == 0)
        #expect(result.text == """
            1 passed, 0 failed
            coverage:
              flow     nodes    choices  branch arms
              hours    0/3      0/0      0/0
              repair   6/8      1/2      1/2
              survey   1/2      0/2      0/0
              welcome  2/2      1/2      0/0
            not reached:
              \(Self.demo)flows/hours.json:7: node hours:start
              \(Self.demo)flows/hours.json:17: node hours:answer
              \(Self.demo)flows/hours.json:24: node hours:back_to_menu
              \(Self.demo)flows/repair.json:44: node repair:normal_price
              \(Self.demo)flows/repair.json:61: node repair:done
              \(Self.demo)flows/repair.json:20: choice 'rear' of repair:start
              \(Self.demo)flows/repair.json:35: else of repair:check
              \(Self.demo)flows/survey.json:15: node survey:thanks
              \(Self.demo)flows/survey.json:11: choice 'yes' of survey:ask
              \(Self.demo)flows/survey.json:12: choice 'no' of survey:ask
              \(Self.demo)flows/welcome.json:20: choice 'hours' of welcome:menu
            coverage: 12 of 23 (52.1%)

            """)
    }

    @Test func belowTheMinimumFailsAndTheJSONHoldsTheSameNumbers() throws {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("coverage-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: json) }
        let result = try CommandRunner.run(["test", "--dialogs", Self.demo, "--coverage-json", json.path, "--min-coverage", "95", Self.scripts], input: "")
        #expect(result.status == 1)
        #expect(result.error == "error: the scripts reach 91.3% of the dialogs, below the minimum of 95%\n")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        #expect(report["reached"] as? Int == 21)
        #expect(report["total"] as? Int == 23)
        #expect(report["percent"] as? Double == 91.3)
        let flows = try #require(report["flows"] as? [[String: Any]])
        #expect(flows.map { $0["id"] as? String } == ["hours", "repair", "survey", "welcome"])
        let survey = try #require(flows[2]["unreached"] as? [[String: Any]])
        #expect(survey.count == 1)
        #expect(survey[0]["kind"] as? String == "choice")
        #expect(survey[0]["detail"] as? String == "no")
        #expect(survey[0]["file"] as? String == "\(Self.demo)flows/survey.json")
        #expect(survey[0]["line"] as? Int == 12)

        let enough = try CommandRunner.run(["test", "--dialogs", Self.demo, "--min-coverage", "91.3", Self.scripts], input: "")
        #expect(enough.status == 0)
        #expect(enough.text.hasSuffix("coverage: 21 of 23 (91.3%)\n"))
    }
}
