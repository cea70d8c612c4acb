import DialogEngine
import Foundation
import SecondOpinionDialogs
import Testing

/// The `second-opinion` binary, driven through pipes.
@Suite struct CommandLineTests {
    @Test func validateReportsTheShippedDialogsClean() throws {
        let bundle = try DialogBundle.load(files: SecondOpinionDialogs.files)
        let result = try CommandRunner.run(["validate", CommandRunner.packageRoot.appendingPathComponent("Dialogs").path])
        #expect(result.status == 0)
        #expect(result.text == "\(bundle.flows.count) flows, \(bundle.nodeCount) nodes, languages nl, en: 0 errors, 0 warnings\n")
    }

    @Test func validateReadabilityLimitsCanBeSet() throws {
        let demo = CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/demo").path
        let plain = try CommandRunner.run(["validate", "--strict", demo])
        #expect(plain.status == 0)
        let strict = try CommandRunner.run(["validate", "--strict", "--max-sentence-words", "8", "--max-message-words", "8", demo])
        #expect(strict.status == 1)
        #expect(strict.text == """
            \(demo)/flows/repair.json:48:15: warning: DLG033 the 'en' text has 9 words (at most 8 read easily) [$.nodes[4].messages[0].en]
                    "en": "Fixing a flat {wheel} tyre costs €{flat_fee.amount} in {flat_fee.year}.",
                          ^
            hint: split it into two messages, or put the rest behind a choice such as 'Tell me more'
            \(demo)/flows/repair.json:48:16: warning: DLG033 a sentence of the 'en' text has 9 words (at most 8 read easily) [$.nodes[4].messages[0].en]
                    "en": "Fixing a flat {wheel} tyre costs €{flat_fee.amount} in {flat_fee.year}.",
                           ^
            hint: split it into shorter sentences
            \(demo)/flows/welcome.json:17:73: warning: DLG033 the 'nl' text has 9 words (at most 8 read easily) [$.nodes[1].noMatch.nl]
                  "noMatch": { "en": "I can't help with that. Pick a topic:", "nl": "Daar kan ik niet mee helpen. Kies een onderwerp:" },
                                                                                    ^
            hint: split it into two messages, or put the rest behind a choice such as 'Tell me more'
            4 flows, 15 nodes, languages en, nl: 0 errors, 3 warnings

            """)
    }

    @Test func validateShowsEveryProblemAndFails() throws {
        let folder = try TemporaryBundle.copyOfDemo()
        defer { folder.remove() }
        try folder.edit("flows/hours.json", replacing: "\"next\": \"answer\"", with: "\"next\": \"answr\"")
        try folder.edit("flows/survey.json", replacing: "\"kind\": \"end\"", with: "\"kind\": \"ende\"")
        let result = try CommandRunner.run(["validate", folder.url.path])
        #expect(result.status == 1)
        let prefix = folder.url.path + "/"
        #expect(result.text == """
            \(prefix)flows/hours.json:15:15: error: DLG007 unknown node 'answr' in this flow [$.nodes[0].next]
                  "next": "answer"
                          ^
            hint: did you mean 'answer'?
            \(prefix)flows/survey.json:15:31: error: DLG005 unknown node kind 'ende' [$.nodes[1].kind]
                { "id": "thanks", "kind": "ende" }
                                          ^
            hint: did you mean 'end'?
            4 flow file(s): 2 errors, 0 warnings

            """.replacingOccurrences(of: "\"next\": \"answer\"\n", with: "\"next\": \"answr\"\n"))
    }

    @Test func aMissingBundleFolderIsOneClearError() throws {
        let result = try CommandRunner.run(["chat", "--dialogs", "/nonexistent/bundle"], input: "")
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("/nonexistent/bundle/: error: DLG022 the bundle folder '/nonexistent/bundle' does not exist\nhint: pass the folder that holds manifest.json\n"))
    }

    @Test func jsonModeWritesTheGreetingBeforeAnyInput() throws {
        let result = try CommandRunner.run(["chat", "--json", "--lang", "en"], input: "")
        #expect(result.status == 0)
        let lines = result.text.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        for key in ["flow", "node", "messages", "choices", "expects", "sources", "plan", "ended"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["flow"] as? String == "welcome")
        #expect(object["node"] as? String == "menu")
        #expect(object["expects"] as? String == "choice")
        #expect((object["messages"] as? [String])?.last == "Please note: I give general information, not medical or legal advice. Talk to your doctor about your own health.")
    }

    @Test func jsonModeFollowsAConversation() throws {
        let result = try CommandRunner.run(["chat", "--json", "--lang", "nl"], input: "wie betaalt dat eigenlijk?\n1\nnee\n3\nklaar\n")
        let turns = try result.text.split(separator: "\n").map { try JSONDecoder().decode(WireTurn.self, from: Data($0.utf8)) }
        #expect(turns.map { "\($0.flow):\($0.node)" } == ["welcome:menu", "costs:ask_insurance", "costs:ask_referral", "costs:ask_more", "welcome:more", "welcome:goodbye"])
        #expect(turns[2].expects == "yesno")
        #expect(turns[3].plan.map(\.id) == ["get_referral_for_reimbursement", "check_with_insurer"])
        #expect(turns[3].sources.contains { $0.id == "jbz-second-opinion" })
        #expect(turns[5].ended)
    }

    @Test func pipedChatRunsTheSameConversationWithPlainOutput() throws {
        let result = try CommandRunner.run(["chat", "--lang", "nl"], input: "4\n1\n1\nnee\n1\n", environment: ["TERM": "xterm-256color"])
        #expect(result.status == 0)
        #expect(result.text.contains("> 1\nHoe ben je verzekerd?\n  1. Alleen de basisverzekering\n"))
        #expect(result.text.contains("in 2024 was dat €385"))
        #expect(!result.output.contains(0x1B), "no colour when output is not a terminal")
    }

    @Test func languageComesFromTheLocaleWhenNotGiven() throws {
        let dutch = try CommandRunner.run(["chat", "--json"], input: "", environment: ["LANG": "nl_NL.UTF-8"])
        #expect(dutch.text.contains("\"question\":\"Waar gaat je vraag over?"))
        let english = try CommandRunner.run(["chat", "--json"], input: "", environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"])
        #expect(english.text.contains("\"question\":\"What is your question about?"))
    }

    /// Without a locale, or with one the bundle has no language for, the chat starts in the
    /// bundle's `defaultLanguage`: Dutch for the built-in dialogs, English for the demo bundle.
    @Test func withoutAUsableLocaleTheBundlesDefaultLanguageIsUsed() throws {
        for environment in [[:], ["LANG": "fr_FR.UTF-8"], ["LC_ALL": "C", "LANG": "en_GB.UTF-8"]] {
            let builtIn = try CommandRunner.run(["chat", "--json"], input: "", environment: environment)
            #expect(builtIn.text.contains("\"question\":\"Waar gaat je vraag over?"), "\(environment)")
        }
        let demo = CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/demo").path
        let english = try CommandRunner.run(["chat", "--json", "--dialogs", demo], input: "", environment: ["LANG": "fr_FR.UTF-8"])
        #expect(english.text.contains("\"question\":\"What can I help you with?"))
        let dutch = try CommandRunner.run(["chat", "--json", "--dialogs", demo], input: "", environment: ["LANG": "nl_NL.UTF-8"])
        #expect(dutch.text.contains("\"question\":\"Waarmee kan ik je helpen?"))
    }

    @Test func hostileInputNeverCrashesOrReachesTheScreen() throws {
        var input = Data()
        input.append(Data(String(repeating: "a", count: 1_000_000).utf8))
        input.append(Data("\n".utf8))
        input.append(contentsOf: [0xFF, 0xFE, 0xC3, 0x28, 0x0A])  // invalid UTF-8
        input.append(Data("\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[31mred\n".utf8))
        input.append(Data("\n   \n\u{0}\u{7}\n".utf8))
        let result = try CommandRunner.run(["chat", "--lang", "en"], input: input)
        #expect(result.status == 0)
        #expect(!result.output.contains(0x1B))
        #expect(!result.output.contains(0x07))
        #expect(result.text.contains("Your message was very long; only the start was read."))
        #expect(result.text.contains("You didn't type anything. Pick an answer or type your question."))
        #expect(result.text.hasSuffix("  7. Preparing for the consultation\n\n"))
    }

    @Test func explainPrintsTheCodesMeaning() throws {
        let result = try CommandRunner.run(["explain", "dlg007"], input: "")
        #expect(result.status == 0)
        #expect(result.text == "DLG007 (error): unknown node\n\n\(DiagnosticCode.unknownNode.explanation)\n")
        let unknown = try CommandRunner.run(["explain", "DLG999"], input: "")
        #expect(unknown.status == 2)
        #expect(unknown.error == "error: unknown code 'DLG999'; run 'second-opinion explain' for the list\n")
    }

    @Test func testPlaysScriptsAndReportsFailuresWithTheirLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "lang en\n> 4\n= costs:start\n".write(to: folder.appendingPathComponent("good.convo"), atomically: true, encoding: .utf8)
        try "lang en\n> 4\n= family:start\n".write(to: folder.appendingPathComponent("bad.convo"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["test", folder.path], input: "")
        #expect(result.status == 1)
        #expect(result.text == "\(folder.path)/bad.convo:3: wrong place after '4'\n  expected: family:start\n  actual:   costs:start\n1 passed, 1 failed\n")
        #expect(result.error == "")
    }

    @Test func testChecksNamesFirstAndWarnsWhenScriptsNameAnotherBundle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "lang en\n> 1  # front wheel\n= repair:start\n".write(to: folder.appendingPathComponent("repair.convo"), atomically: true, encoding: .utf8)
        let builtIn = try CommandRunner.run(["test", folder.path], input: "")
        #expect(builtIn.status == 1)
        #expect(builtIn.text == "\(folder.path)/repair.convo:3: error: unknown flow 'repair'\n0 passed, 1 failed\n")
        #expect(builtIn.error == "warning: the scripts name flows the built-in dialogs do not have (repair); pass --dialogs DIR to test another bundle\n")
        let demo = CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/demo").path
        let other = try CommandRunner.run(["test", "--dialogs", demo, folder.path], input: "")
        #expect(other.text == "1 passed, 0 failed\n")
        #expect(other.status == 0)
    }

    @Test func anUnknownLanguageIsRefused() throws {
        let result = try CommandRunner.run(["chat", "--lang", "fr"], input: "")
        #expect(result.status == 64)
        #expect(result.error.contains("--lang must be nl or en, not 'fr'"))
    }
}

/// The JSON form of a turn, as a script would read it.
struct WireTurn: Decodable {
    struct Item: Decodable { var id: String }
    var flow: String
    var node: String
    var expects: String
    var plan: [Item]
    var sources: [Item]
    var ended: Bool
}

/// A writable copy of the engine tests' demo bundle.
struct TemporaryBundle {
    let url: URL

    static func copyOfDemo() throws -> TemporaryBundle {
        let source = CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/demo")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: url)
        return TemporaryBundle(url: url)
    }

    func edit(_ file: String, replacing old: String, with new: String) throws {
        let path = url.appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        guard let range = text.range(of: old) else { throw CocoaError(.fileReadUnknown) }
        try text.replacingCharacters(in: range, with: new).write(to: path, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The terminal's file commands, driven through a pipe.
@Suite struct TerminalCommandTests {
    @Test func saveLoadPlanAndTranscriptWriteFilesThatWork() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = folder.appendingPathComponent("session.json").path
        let first = try CommandRunner.run(["chat", "--lang", "en"], input: "4\n1\n1\n/save \(session)\n/plan save \(folder.path)/plan.md\n/transcript save \(folder.path)/talk.txt\n")
        #expect(first.text.contains("Conversation saved to \(session)."))
        #expect(try String(contentsOfFile: "\(folder.path)/plan.md", encoding: .utf8) == "# My plan: second opinion\n\nNo steps yet.\n\nThis is general information, not medical or legal advice.\n")
        let transcript = try String(contentsOfFile: "\(folder.path)/talk.txt", encoding: .utf8)
        #expect(transcript.contains("You:\n4\n\nAssistant:\nWhat would you like to know about the costs?"))
        #expect(transcript.contains("You:\n1\n\nAssistant:\nHow are you insured?"))

        let second = try CommandRunner.run(["chat", "--lang", "en"], input: "/load \(session)\nno\n")
        #expect(second.text.contains("> /load \(session)\nDo you have a referral for the second opinion (from your doctor or GP)?"))
        #expect(second.text.contains("Without a referral, basic insurance usually does not pay for a second opinion."))
        let broken = try CommandRunner.run(["chat", "--lang", "en"], input: "/load \(folder.path)/plan.md\n")
        #expect(broken.text.contains("Could not load the conversation: this is not a saved conversation (no format version)"))
    }

    @Test func aSaveFromOtherDialogsIsNotedInTheSavedConversationsLanguage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = folder.appendingPathComponent("session.json")
        _ = try CommandRunner.run(["chat", "--lang", "nl"], input: "4\n/save \(session.path)\n")
        var saved = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: session)) as? [String: Any])
        saved["bundleVersion"] = "0.9"
        try JSONSerialization.data(withJSONObject: saved).write(to: session)
        let loaded = try CommandRunner.run(["chat", "--lang", "en"], input: "/load \(session.path)\n")
        #expect(loaded.text.contains("> /load \(session.path)\nopgeslagen met versie 0.9 van de dialogen; nu 1.0.0\nWat wil je weten over de kosten?"))
        let broken = try CommandRunner.run(["chat", "--lang", "nl"], input: "/load \(folder.path)/session.json\n/load \(CommandRunner.packageRoot.path)/Package.swift\n")
        #expect(broken.text.contains("Kon het gesprek niet laden: dit is geen opgeslagen gesprek (no format version)"))
    }

    @Test func sourcesAreListedCompactlyAndInFullWithTheSourcesCommand() throws {
        let result = try CommandRunner.run(["chat", "--lang", "nl"], input: "4\n3\n/bronnen\n")
        #expect(result.text.contains("  Bronnen: [1] Zorgverzekeraar CZ · [2] Informatiepagina, uitgever niet genoemd\n  (/bronnen)\n"))
        #expect(result.text.contains("> /bronnen\n[1] Advice on a second opinion (Engelstalige pagina op de website van CZ)\n    Zorgverzekeraar CZ, gecontroleerd 2026-11-23\n"))
        let english = try CommandRunner.run(["chat", "--lang", "en"], input: "5\n4\n14\n/sources\n")
        #expect(english.text.contains("Source: [1] Dutch law (/sources)"))
        #expect(english.text.contains("[1] Medical Treatment Contracts Act (WGBO): Dutch Civil Code book 7, articles"))
    }

    @Test func helpListsTheTerminalCommandsInTheCurrentLanguage() throws {
        let dutch = try CommandRunner.run(["chat", "--lang", "nl"], input: "/help\n")
        #expect(dutch.text.contains("terug       je vorige antwoord wijzigen"))
        #expect(dutch.text.contains("/plan save BESTAND        je plan bewaren (Markdown)"))
        let english = try CommandRunner.run(["chat", "--lang", "en"], input: "help\n")
        #expect(english.text.contains("/transcript save FILE     keep the conversation"))
    }

    @Test func reloadPicksUpAnEditAndKeepsThePlace() throws {
        let bundle = try TemporaryBundle.copyOfDemo()
        defer { bundle.remove() }
        // The edit happens between two lines of input, so feed the first, edit, then reload.
        let script = "1\n/reload\n"
        try bundle.edit("flows/repair.json", replacing: "Which wheel is flat?", with: "Which wheel has the puncture?")
        let result = try CommandRunner.run(["chat", "--dialogs", bundle.url.path], input: script)
        #expect(result.text.contains("> /reload\nDialogs reloaded.\nWhich wheel has the puncture?"))
        try bundle.edit("flows/repair.json", replacing: "\"next\": \"check\"", with: "\"next\": \"chek\"")
        let failing = try CommandRunner.run(["chat", "--dialogs", bundle.url.path], input: "/reload\n")
        #expect(failing.status == 1, "a broken bundle cannot start a chat")
        #expect(failing.error.contains("DLG007 unknown node 'chek' in this flow"))
    }
}
