@testable import DialogEngine
import Foundation
import Testing

/// The translation round trip in the library: every text of the demo bundle out, a third
/// language back in, and a conversation in it.
@Suite struct TranslationRoundTripTests {
    /// German words for the language pack's lists; every other text is the English with "DE " before it.
    static let germanWords: [String: String] = [
        "languages#words.yes": "ja\njawohl\ngenau",
        "languages#words.no": "nein\nnee",
        "languages#words.leadingYes": "ja\njawohl",
        "languages#words.leadingNo": "nein",
        "languages#words.negations": "nicht\nkein",
        "languages#words.unsure": "weiß nicht\nkeine ahnung",
        "languages#words.confusion": "wie bitte\nich verstehe nicht",
        "languages#words.stop": "der\ndie\ndas\nein\neine\nich\nist",
        "languages#words.skippable": "der\ndie\ndas\nein\neine",
        "languages#words.questionWords": "was\nwie\nwann\nwarum",
        "languages#words.and": "und",
        "languages#commands.help": "hilfe\n?",
        "languages#commands.back": "zurück",
        "languages#commands.restart": "neu starten",
        "languages#commands.topics": "themen",
        "languages#commands.plan": "plan\nmein plan",
        "languages#commands.quit": "tschüss\nende",
        "languages#commands.language": "sprache",
        "languages#commands.sources": "quellen",
        "languages#commands.save": "speichern",
        "languages#commands.load": "laden",
        "languages#languageCommands.de": "deutsch",
        "languages#languageCommands.nl": "niederländisch",
        "languages#languageCommands.en": "englisch",
        "languages#languageNames.de": "deutsch",
        "languages#languageNames.nl": "niederländisch",
        "languages#languageNames.en": "englisch",
        "languages#decimalSeparator": ",",
    ]

    static func german(_ unit: TranslationUnit) -> String {
        germanWords[unit.id] ?? (unit.kind == .text ? "DE " + unit.source : unit.source.split(separator: "\n").map { "de \($0)" }.joined(separator: "\n"))
    }

    static func translatedDemo() throws -> (files: [String: String], changed: [String: String]) {
        let files = Fixtures.demoFiles()
        let bundle = try DialogBundle.load(files: files)
        let catalog = TranslationCatalog(bundle: bundle, files: files, targetLanguage: "de")
        let translations = catalog.units.map { TranslatedText(id: $0.id, text: german($0), line: 1, column: 1) }
        #expect(catalog.check(translations) == [])
        let changed = catalog.apply(translations, to: files, bundle: bundle)
        return (files.merging(changed) { $1 }, changed)
    }

    @Test func unitIDsComeFromFileNodeAndField() throws {
        let files = Fixtures.demoFiles()
        let catalog = TranslationCatalog(bundle: try DialogBundle.load(files: files), files: files, targetLanguage: "de")
        let ids = Set(catalog.units.map(\.id))
        for id in ["manifest.json#title", "manifest.json#interrupts.fire.triggers", "manifest.json#interrupts.fire.messages.0",
                   "sources.json#prices.title", "flows/repair.json#start.question", "flows/repair.json#start.choices.front.label",
                   "flows/repair.json#start.choices.front.synonyms", "flows/repair.json#add_plan.item.text", "flows/repair.json#triggers",
                   "languages#messages.help", "languages#words.yes", "languages#commands.back", "languages#decimalSeparator"] {
            #expect(ids.contains(id), "\(id)")
        }
        #expect(ids.count == catalog.units.count, "ids are unique")
        let unit = try #require(catalog.units.first { $0.id == "flows/repair.json#normal_price.messages.0" })
        #expect(unit.source == "Fixing a flat {wheel} tyre costs €{flat_fee.amount} in {flat_fee.year}.")
        #expect(unit.target == nil)
        #expect(unit.notes == ["Shown: a message the assistant says (flows/repair.json, normal_price › messages)",
                               "Placeholders: {flat_fee.amount}, {flat_fee.year}, {wheel} are filled in by the assistant; keep each exactly as written."])
    }

    @Test func anUnchangedRoundTripChangesNoFile() throws {
        let files = Fixtures.demoFiles()
        let bundle = try DialogBundle.load(files: files)
        let catalog = TranslationCatalog(bundle: bundle, files: files, targetLanguage: "nl")
        let translations = catalog.units.compactMap { unit in unit.target.map { TranslatedText(id: unit.id, text: $0, line: 1, column: 1) } }
        #expect(translations.count == catalog.units.count, "every text of an existing language is exported with its target")
        #expect(catalog.apply(translations, to: files, bundle: bundle) == [:])
    }

    @Test func aTranslatedTextIsWrittenInPlaceAndNothingElseChanges() throws {
        let files = Fixtures.demoFiles()
        let bundle = try DialogBundle.load(files: files)
        let catalog = TranslationCatalog(bundle: bundle, files: files, targetLanguage: "nl")
        let changed = catalog.apply([TranslatedText(id: "flows/repair.json#start.question", text: "Welk wiel is \"lek\"?", line: 1, column: 1)],
                                    to: files, bundle: bundle)
        #expect(Array(changed.keys) == ["flows/repair.json"])
        let expected = files["flows/repair.json"]!.replacingOccurrences(of: #""nl": "Welk wiel is lek?""#, with: #""nl": "Welk wiel is \"lek\"?""#)
        #expect(changed["flows/repair.json"] == expected)
    }

    @Test func aNewLanguageIsAddedAfterTheLastLanguageOfEachText() throws {
        let (files, changed) = try Self.translatedDemo()
        #expect(changed.keys.sorted() == ["flows/hours.json", "flows/repair.json", "flows/survey.json", "flows/welcome.json",
                                          "languages/de.json", "manifest.json", "sources.json"])
        #expect(files["manifest.json"]!.contains(#""languages": ["en", "nl", "de"],"#))
        #expect(files["flows/repair.json"]!.contains(#"""
              "question": { "en": "Which wheel is flat?", "nl": "Welk wiel is lek?", "de": "DE Which wheel is flat?" },
            """#))
        #expect(files["flows/repair.json"]!.contains(#"""
                    "nl": "Een lekke band repareren kost in {flat_fee.year} €{flat_fee.amount}.",
                    "de": "DE Fixing a flat {wheel} tyre costs €{flat_fee.amount} in {flat_fee.year}."
                  }],
            """#))
        #expect(files["flows/repair.json"]!.contains(#"""
            "nl": ["lekke band", "reparatie", "fiets kapot"],
            "de": ["de flat tyre", "de puncture", "de repair", "de broken bike"]
          },
        """#))
    }

    @Test func aConversationWorksInTheNewLanguage() throws {
        let (files, _) = try Self.translatedDemo()
        let bundle = try DialogBundle.load(files: files)
        #expect(bundle.warnings.isEmpty)
        #expect(bundle.languages == ["en", "nl", "de"])
        let engine = DialogEngine(bundle: bundle)
        var (session, greeting) = engine.start(language: "de")
        #expect(greeting.messages == ["DE Welcome to the bike shop helper."])
        #expect(greeting.question == "DE What can I help you with?")
        #expect(greeting.choices.map(\.label) == ["DE A repair", "DE Opening hours"])

        // A choice by number, a number out of range in the pack's words, a number in range.
        #expect(engine.reply("2", in: &session).question == "DE How many bikes do you bring?")
        #expect(engine.reply("9", in: &session).messages == ["DE Please type a number from 1 to 5."])
        #expect(engine.reply("2", in: &session).messages == ["DE We can take 2 bikes on weekdays."])

        // A choice by its label's words, a yes/no answer and a command in the new pack's words.
        #expect(engine.reply("DE A repair", in: &session).question == "DE Which wheel is flat?")
        #expect(engine.reply("1", in: &session).question == "DE Is it an electric bike?")
        #expect(engine.reply("hilfe", in: &session).messages == ["DE " + LanguagePack.shipped("en")!.message("help")])
        let fee = engine.reply("nein", in: &session)
        // The fact's 12.5 written with the pack's decimal comma.
        #expect(fee.messages == ["DE Fixing a flat front tyre costs €12,5 in 2026."])
        #expect(fee.question == "DE Was this helpful?")
        #expect(engine.reply("zurück", in: &session).messages == ["DE Let's go back one step."])
        #expect(engine.reply("jawohl", in: &session).messages.first == "DE Electric bikes need an appointment.")
    }

    @Test func aThirdLanguageLeavesTheOtherLanguagesWordsAlone() throws {
        let (files, _) = try Self.translatedDemo()
        let compiled = try DialogBundle.load(files: files).compiled
        #expect(compiled.words("de").yes.contains("jawohl"))
        #expect(!compiled.words("en").yes.contains("jawohl"))
        #expect(!compiled.words("nl").yes.contains("jawohl"))
        #expect(compiled.words("nl").interpretYesNo(["jawohl"]) == nil)
        #expect(compiled.words("nl").interpretYesNo(["ja"]) == true)
    }

    @Test func aPackWithoutAMessageIsAnErrorThatNamesTheKey() throws {
        var (files, _) = try Self.translatedDemo()
        let pack = files["languages/de.json"]!
        files["languages/de.json"] = pack.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"wentBack\"") }.joined(separator: "\n")
        #expect(throws: BundleLoadError.self) { try DialogBundle.load(files: files) }
        do {
            _ = try DialogBundle.load(files: files)
        } catch {
            let rendered = DiagnosticRenderer(sources: files).render(error.diagnostics)
            #expect(rendered == """
                languages/de.json:5:15: error: DLG015 the language pack 'de' has no message 'wentBack' [$.messages]
                  "messages": {
                              ^
                hint: add "wentBack": "..." (in English: "Let's go back one step.")
                """)
        }
    }
}
