import DialogEngine
import Foundation
@testable import SecondOpinionCLI
import Testing

/// `second-opinion translate export` and `import`, run as a translator's round trip would run them.
@Suite struct TranslateCommandTests {
    static let golden = CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/translation/demo-de.xlf")

    /// Every file of a bundle folder by relative path, as bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(root)/\(path)", isDirectory: &isFolder), !isFolder.boolValue {
                result[path] = try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(path)"))
            }
        }
        return result
    }

    @Test func exportWritesTheExactXLIFF() throws {
        let demo = CommandRunner.packageRoot.appendingPathComponent("Tests/DialogEngineTests/Fixtures/demo").path
        let result = try CommandRunner.run(["translate", "export", "--to", "de", "--dialogs", demo])
        #expect(result.status == 0)
        if ProcessInfo.processInfo.environment["UPDATE_FIXTURES"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try result.output.write(to: Self.golden)
        }
        #expect(result.text == (try String(contentsOf: Self.golden, encoding: .utf8)))
    }

    @Test(arguments: [("demo", "nl"), ("Dialogs", "en")])
    func anUnchangedRoundTripLeavesEveryFileByteIdentical(bundle: String, language: String) throws {
        let source = CommandRunner.packageRoot.appendingPathComponent(bundle == "demo" ? "Tests/DialogEngineTests/Fixtures/demo" : "Dialogs")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("round-trip-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let before = try Self.snapshot(copy)
        let xliff = copy.deletingLastPathComponent().appendingPathComponent("\(copy.lastPathComponent).xlf")
        defer { try? FileManager.default.removeItem(at: xliff) }
        let export = try CommandRunner.run(["translate", "export", "--to", language, "--dialogs", copy.path, "-o", xliff.path])
        #expect(export.status == 0, "\(export.error)")
        let imported = try CommandRunner.run(["translate", "import", xliff.path, "--dialogs", copy.path])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.text.hasSuffix("texts in '\(language)'; no file changed.\n"))
        #expect(try Self.snapshot(copy) == before)
    }

    /// Every text of the bundle at `folder` translated into German: the words in ``german``,
    /// and "DE " before every other text ("de " before every phrase).
    static func germanCatalog(of folder: URL) throws -> TranslationCatalog {
        let files = DialogBundle.readFiles(in: folder).files
        var catalog = TranslationCatalog(bundle: try DialogBundle.load(files: files), files: files, targetLanguage: "de")
        for index in catalog.units.indices {
            catalog.units[index].target = Self.german[catalog.units[index].id]
                ?? (catalog.units[index].kind == .text ? "DE " + catalog.units[index].source
                    : catalog.units[index].source.split(separator: "\n").map { "de \($0)" }.joined(separator: "\n"))
        }
        return catalog
    }

    @Test func aThirdLanguageComesBackValidatesAndWorksInAConversation() throws {
        let bundle = try TemporaryBundle.copyOfDemo()
        defer { bundle.remove() }
        let catalog = try Self.germanCatalog(of: bundle.url)
        let xliff = bundle.url.appendingPathExtension("xlf")
        defer { try? FileManager.default.removeItem(at: xliff) }
        try XLIFFDocument.render(catalog).write(to: xliff, atomically: true, encoding: .utf8)

        let imported = try CommandRunner.run(["translate", "import", xliff.path, "--dialogs", bundle.url.path])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.text == "Imported \(catalog.units.count) texts in 'de'; changed flows/hours.json, flows/repair.json, flows/survey.json, flows/welcome.json, languages/de.json, manifest.json, sources.json.\n'de' is complete: it is now one of the bundle's languages.\n")
        let validated = try CommandRunner.run(["validate", "--strict", bundle.url.path])
        #expect(validated.status == 0, "\(validated.error)")
        #expect(validated.text == "4 flows, 15 nodes, languages en, nl, de: 0 errors, 0 warnings\n")

        let script = bundle.url.appendingPathComponent("tests/german.convo")
        try FileManager.default.createDirectory(at: script.deletingLastPathComponent(), withIntermediateDirectories: true)
        try """
            # The greeting, a choice, a number, yes and no and a command, all in German.
            lang de
            ~ DE Welcome to the bike shop helper.
            = welcome:menu
            > 2
            ~ DE How many bikes do you bring?
            > 9
            ~ DE Please type a number from 1 to 5.
            > 2
            ~ DE We can take 2 bikes on weekdays.
            > DE A repair
            = repair:start
            > 1
            = repair:ask_electric
            > nein
            ~ DE Fixing a flat front tyre costs €12,5 in 2026.
            = survey:ask
            > zurück
            ~ DE Let's go back one step.
            = repair:ask_electric
            > jawohl
            ~ DE Electric bikes need an appointment.
            > tschüss
            ! outcome quit
            """.write(to: script, atomically: true, encoding: .utf8)
        let tested = try CommandRunner.run(["test", "--dialogs", bundle.url.path, script.path])
        #expect(tested.text == "1 passed, 0 failed\n", "\(tested.text)\(tested.error)")

        let chat = try CommandRunner.run(["chat", "--dialogs", bundle.url.path, "--lang", "de"], input: "hilfe\n")
        #expect(chat.text.contains("DE Type /help for help · typ /lang nl voor Nederlands"))
        #expect(chat.text.contains("DE In the terminal also:"))
    }

    static let german: [String: String] = [
        "languages#words.yes": "ja\njawohl", "languages#words.no": "nein", "languages#words.leadingYes": "ja",
        "languages#words.leadingNo": "nein", "languages#words.negations": "nicht", "languages#words.stop": "der\ndie\ndas\nein",
        "languages#words.skippable": "der\ndie\ndas", "languages#words.and": "und",
        "languages#commands.help": "hilfe", "languages#commands.back": "zurück", "languages#commands.quit": "tschüss",
        "languages#commands.language": "sprache", "languages#decimalSeparator": ",",
    ]

    /// A translation that comes back in parts: each part is written, the language waits under
    /// "translating" (the bundle stays valid, people cannot choose it), and the import that
    /// completes it moves it to "languages".
    @Test func aPartialTranslationIsKeptUntilTheLastPartMakesTheLanguageLive() throws {
        let bundle = try TemporaryBundle.copyOfDemo()
        defer { bundle.remove() }
        let catalog = try Self.germanCatalog(of: bundle.url)
        let total = catalog.units.count
        var firstPart = catalog
        firstPart.units = catalog.units.filter { $0.id.hasPrefix("flows/hours.json#") || $0.id.hasPrefix("languages#") }
        var secondPart = catalog
        secondPart.units = catalog.units.filter { !firstPart.units.map(\.id).contains($0.id) }
        let xliff = bundle.url.appendingPathExtension("xlf")
        defer { try? FileManager.default.removeItem(at: xliff) }

        try XLIFFDocument.render(firstPart).write(to: xliff, atomically: true, encoding: .utf8)
        let first = try CommandRunner.run(["translate", "import", xliff.path, "--dialogs", bundle.url.path])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.text == """
            Imported \(firstPart.units.count) texts in 'de'; changed flows/hours.json, languages/de.json, manifest.json.
            \(secondPart.units.count) of \(total) texts have no 'de' translation yet, so 'de' stays under "translating" in manifest.json and people cannot choose it. Export again to get the rest (second-opinion translate export --to de); once every text has a translation, import moves 'de' to "languages".

            """)
        let manifest = try String(contentsOf: bundle.url.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"languages\": [\"en\", \"nl\"],\n  \"translating\": [\"de\"],\n"))
        #expect(try String(contentsOf: bundle.url.appendingPathComponent("flows/hours.json"), encoding: .utf8)
            .contains("\"de\": \"DE Opening hours\""))
        let validated = try CommandRunner.run(["validate", "--strict", bundle.url.path])
        #expect(validated.text == "4 flows, 15 nodes, languages en, nl: 0 errors, 0 warnings\n", "\(validated.error)")
        let refused = try CommandRunner.run(["chat", "--dialogs", bundle.url.path, "--lang", "de"], input: "")
        #expect(refused.status != 0)
        #expect(refused.error.contains("'de' is still being translated (\"translating\" in manifest.json): --lang must be en or nl"))

        // The next export carries what was imported, so the translator sees only the rest as new.
        let exported = try CommandRunner.run(["translate", "export", "--to", "de", "--dialogs", bundle.url.path])
        #expect(exported.text.contains("<target xml:space=\"preserve\">DE Opening hours</target>"))
        #expect(exported.text.components(separatedBy: "<target").count - 1 == firstPart.units.count)

        try XLIFFDocument.render(secondPart).write(to: xliff, atomically: true, encoding: .utf8)
        let second = try CommandRunner.run(["translate", "import", xliff.path, "--dialogs", bundle.url.path])
        #expect(second.status == 0, "\(second.error)")
        #expect(second.text.hasSuffix("'de' is complete: it is now one of the bundle's languages.\n"))
        let completed = try String(contentsOf: bundle.url.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(completed.contains("\"languages\": [\"en\", \"nl\", \"de\"],\n  \"defaultLanguage\""))
        #expect(!completed.contains("translating"))
        let live = try CommandRunner.run(["validate", "--strict", bundle.url.path])
        #expect(live.text == "4 flows, 15 nodes, languages en, nl, de: 0 errors, 0 warnings\n", "\(live.error)")
        let chat = try CommandRunner.run(["chat", "--json", "--dialogs", bundle.url.path, "--lang", "de"], input: "")
        #expect(chat.text.contains("\"question\":\"DE What can I help you with?\""))
    }

    @Test func importReportsEachProblemWithItsLineAndWritesNothing() throws {
        let bundle = try TemporaryBundle.copyOfDemo()
        defer { bundle.remove() }
        let before = try Self.snapshot(bundle.url)
        let xliff = bundle.url.appendingPathExtension("xlf")
        defer { try? FileManager.default.removeItem(at: xliff) }
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="nl">
              <file id="flows:2Frepair.json" original="flows/repair.json">
                <unit id="start.question">
                  <segment><source>Which wheel is flat?</source><target>Welk wiel?</target></segment>
                </unit>
                <unit id="start.qestion">
                  <segment><source>Which wheel is flat?</source><target>Welk wiel?</target></segment>
                </unit>
                <unit id="normal_price.messages.0">
                  <segment><source>x</source><target>Een band kost €{flat_fee.amount} in {year}.</target></segment>
                </unit>
              </file>
            </xliff>
            """.write(to: xliff, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["translate", "import", xliff.path, "--dialogs", bundle.url.path])
        #expect(result.status == 1)
        #expect(result.error == """
            \(xliff.path):7:29: error: unknown unit id 'flows/repair.json#start.qestion' (did you mean 'flows/repair.json#start.question'?); was the file exported from this bundle?
            \(xliff.path):10:39: error: 'flows/repair.json#normal_price.messages.0' has {year}, which the source does not have (it has {flat_fee.amount}, {flat_fee.year}, {wheel}); keep each {name} as it is
            2 problem(s); nothing was written.

            """)
        #expect(try Self.snapshot(bundle.url) == before)

        try "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"nl\">\n  <file original=\"x\">\n  <unit id=\"a\"><segment><source>a</sour"
            .write(to: xliff, atomically: true, encoding: .utf8)
        let malformed = try CommandRunner.run(["translate", "import", xliff.path, "--dialogs", bundle.url.path])
        #expect(malformed.status == 1)
        #expect(malformed.error.hasPrefix("\(xliff.path):3:"))
        #expect(malformed.error.contains(": error: malformed XML: "))
        #expect(try Self.snapshot(bundle.url) == before)
    }

    /// Hand-edited XLIFF that is not well-formed XML is refused at the place of the mistake, in
    /// words a translator can act on, and nothing is written.
    @Test(arguments: [
        ("<target>Open & dicht</target>", "4:15: error: malformed XML: a '&' or '<' in text must be written &amp; or &lt;"),
        ("<target>onder < 18 jaar</target>", "4:16: error: malformed XML: a '&' or '<' in text must be written &amp; or &lt;"),
        ("<target>Open &amp dicht</target>", "4:18: error: malformed XML: a '&' must start &amp;, &lt;, &gt;, &quot; or &apos; (write &amp; for the character itself)"),
        ("<target>Openingstijden</targt>", "4:31: error: malformed XML: a tag is not closed as it was opened (every <tag> needs its own </tag>)"),
        ("<target>Openingstijden</target></segment></unit></file></xliff><xliff/>", "4:64: error: malformed XML: the file does not end with </xliff>, or has more after it"),
    ])
    func malformedXMLIsLocatedAndWritesNothing(target: String, expected: String) throws {
        let bundle = try TemporaryBundle.copyOfDemo()
        defer { bundle.remove() }
        let before = try Self.snapshot(bundle.url)
        let xliff = bundle.url.appendingPathExtension("xlf")
        defer { try? FileManager.default.removeItem(at: xliff) }
        let closing = target.hasSuffix("<xliff/>") ? "" : "</segment></unit></file></xliff>"
        try """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="nl">
            <file original="flows/hours.json">
            <unit id="title"><segment><source>Opening hours</source>
            \(target)\(closing)
            """.write(to: xliff, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["translate", "import", xliff.path, "--dialogs", bundle.url.path])
        #expect(result.status == 1)
        #expect(result.error == "\(xliff.path):\(expected)\n")
        #expect(try Self.snapshot(bundle.url) == before)
    }
}
