import Foundation
import Testing

/// `second-opinion init`: a new bundle that validates without warnings and whose test passes.
@Suite struct InitCommandTests {
    @Test(arguments: [["--languages", "nl,en"], ["--languages", "en"], ["--languages", "nl"]])
    func aNewBundleValidatesStrictlyAndItsTestReachesEverything(_ options: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try CommandRunner.run(["init", folder.path] + options, input: "")
        #expect(created.status == 0)
        #expect(created.text.hasPrefix("Created the bundle '\(folder.lastPathComponent.lowercased())' in \(folder.path) (\(options[1].replacingOccurrences(of: ",", with: ", "))).\n"))

        let validated = try CommandRunner.run(["validate", "--strict", folder.path], input: "")
        #expect(validated.status == 0)
        #expect(validated.text == "2 flows, 7 nodes, languages \(options[1].replacingOccurrences(of: ",", with: ", ")): 0 errors, 0 warnings\n")

        let tested = try CommandRunner.run(["test", "--dialogs", folder.path, "--min-coverage", "100", folder.appendingPathComponent("tests").path], input: "")
        #expect(tested.status == 0)
        #expect(tested.text.hasPrefix("1 passed, 0 failed\n"))
        #expect(tested.text.hasSuffix("coverage: 11 of 11 (100.0%)\n"))
        #expect(tested.error == "")
    }

    @Test func aLanguageInitHasNoTextsForIsRefusedWithTheWayToAddIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try CommandRunner.run(["init", folder.path, "--languages", "nl,en,de"], input: "")
        #expect(refused.status == 64)
        #expect(refused.error == """
            Error: init writes its texts in en and nl, not in 'de'. Create the bundle in those, then add 'de' with \
            'second-opinion translate export --to de' and 'translate import' (docs/authoring.md, "Adding a language").
            Usage: second-opinion init <dir> [--languages <codes>]
              See 'second-opinion init --help' for more information.

            """)
        #expect(refused.text == "")
        #expect(!FileManager.default.fileExists(atPath: folder.path), "nothing is written")
    }

    @Test func theSkeletonsTestChecksTheOtherAnswerInTheDefaultLanguage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CommandRunner.run(["init", folder.path, "--languages", "nl,en"], input: "")
        let script = try String(contentsOf: folder.appendingPathComponent("tests/topic.convo"), encoding: .utf8)
        #expect(script.contains("\nlang nl\n"))
        #expect(script.contains("\n! not: Welkom terug. Hier is het antwoord nog eens.\n"))
    }

    @Test func theSchemasAreThereForEveryDollarSchemaPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CommandRunner.run(["init", folder.path], input: "")
        let schemas = CommandRunner.packageRoot.appendingPathComponent("Dialogs/schemas")
        for name in try FileManager.default.contentsOfDirectory(atPath: schemas.path) {
            let copied = try String(contentsOf: folder.appendingPathComponent("schemas/\(name)"), encoding: .utf8)
            #expect(copied == (try String(contentsOf: schemas.appendingPathComponent(name), encoding: .utf8)), "schemas/\(name)")
        }
        for file in ["manifest.json", "sources.json", "facts.json", "flows/welcome.json", "flows/topic.json"] {
            let url = folder.appendingPathComponent(file)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let schema = try #require(object["$schema"] as? String, "\(file)")
            #expect(FileManager.default.fileExists(atPath: url.deletingLastPathComponent().appendingPathComponent(schema).path), "\(file): \(schema)")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path))

        let again = try CommandRunner.run(["init", folder.path], input: "")
        #expect(again.status == 2)
        #expect(again.error == "error: \(folder.path) already holds files; init only writes into a new or empty folder\n")
    }

    @Test func aMistypedCommandIsNamedWithASuggestion() throws {
        let typo = try CommandRunner.run(["grpah"], input: "")
        #expect(typo.status == 64)
        #expect(typo.error == "error: unknown command 'grpah', did you mean 'graph'?\n")
        #expect(typo.text == "")
        let unknown = try CommandRunner.run(["publish"], input: "")
        #expect(unknown.error == "error: unknown command 'publish'; the commands are chat, validate, test, graph, init, translate, routing, explain, serve, help\n")
        let options = try CommandRunner.run(["--lang", "en", "--json"], input: "")
        #expect(options.status == 0, "options alone still start the chat")
    }
}
