import Foundation
import Testing

/// `second-opinion routing FILE.tsv` and the routing record of `chat --json`, through the binary.
@Suite struct RoutingCommandTests {
    @Test func reportsAccuracyAsksMissesAndConfusion() throws {
        let folder = try TemporaryBundle.copyOfDemo()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("labelled.tsv")
        try """
            # three labelled first messages
            en\trepair\tmy tyre is flat
            nl\thours\twanneer zijn jullie open
            en\thours\tthe weather is nice
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["routing", "--dialogs", folder.url.path, file.path])
        #expect(result.status == 0)
        #expect(result.text == """
            2/3 correct (66.7%): 2 went straight to the right place, 0 were asked with it among the choices
            asks: 0 (0.0%); safety missed: 0 of 0

            expected      en       nl       asked
            hours         0/1      1/1      0
            repair        1/1      -        0

            misses:
              line 4 [en] hours -> outOfScope: the weather is nice

            confusion (rows expected, columns reached):
                          hours outOfScope repair
            hours         1     1          .
            repair        .     .          1

            """)
    }

    @Test func aMalformedLineIsLocated() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("routing-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "en\tcosts\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["routing", file.path])
        #expect(result.status == 2)
        #expect(result.error == "\(file.path):1: error: expected 'language<TAB>expected<TAB>text', found 2 column(s)\n")
    }

    @Test func chatJSONCarriesTheRoutingDecision() throws {
        let result = try CommandRunner.run(["chat", "--json", "--lang", "nl"], input: "wie betaalt een second opinion eigenlijk?\n")
        let lines = result.text.split(separator: "\n")
        #expect(lines.count == 2)
        let turn = try #require(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        let routing = try #require(turn["routing"] as? [String: Any])
        #expect(routing["decision"] as? String == "topic")
        #expect(routing["topic"] as? String == "costs")
        let candidates = try #require(routing["candidates"] as? [[String: Any]])
        #expect(candidates.count == 3)
        #expect(candidates.first?["id"] as? String == "costs")
        #expect(turn["flow"] as? String == "costs")
    }
}
