@testable import DialogEngine
import Testing

/// The engine's own language packs, and how a bundle's packs lay over them.
@Suite struct LanguagePackTests {
    @Test(arguments: [("nl.json", LanguagePack.dutchJSON), ("en.json", LanguagePack.englishJSON)])
    func theShippedPacksLoadWithoutAProblem(file: String, text: String) throws {
        let context = LoadContext()
        let pack = LanguagePackLoader.load(try JSONReader.parse(text), file: "languages/\(file)", context: context)
        #expect(context.diagnostics == [])
        #expect(pack != nil)
    }

    @Test func theShippedPacksHaveTheSameMessagesAndPlaceholders() throws {
        let dutch = try #require(LanguagePack.shipped("nl"))
        let english = try #require(LanguagePack.shipped("en"))
        #expect(Set(dutch.messages.keys) == Set(english.messages.keys))
        for (key, text) in english.messages {
            #expect(Placeholders.names(in: dutch.messages[key] ?? "") == Placeholders.names(in: text), "\(key)")
        }
        #expect(dutch.format(2.5) == "2,5")
        #expect(english.format(2.5) == "2.5")
        #expect(english.format(3) == "3")
    }

    @Test func aMessageFillsEachPlaceholderOnce() throws {
        let english = try #require(LanguagePack.shipped("en"))
        #expect(english.message("isItAbout", ["title": "{title} and more"]) == "Is your question about '{title} and more'?")
        #expect(english.message("unknownLanguage", ["language": "fr", "available": "nl, en"]) == "I don't know that language ('fr'). Available: nl, en.")
        #expect(english.message("no.such.key") == "no.such.key")
        // Accented text around a placeholder and in a value, and a placeholder with no value.
        let dutch = try #require(LanguagePack.shipped("nl"))
        #expect(dutch.message("didYouMeanMany", ["options": "1. Café of 2. e\u{301}{x}"])
            == "Dat past bij meer dan één antwoord: 1. Café of 2. e\u{301}{x}. Welke bedoel je? Typ het nummer.")
        #expect(dutch.message("didYouMeanMany", ["other": "x"]) == "Dat past bij meer dan één antwoord: {options}. Welke bedoel je? Typ het nummer.")
    }

    @Test func aTemplateKeepsWhatHasNoValueAndMatchesNamesAsStringsDo() {
        let values = ["a": "1", "bé": "two 🙂", "count": "{a}"]
        #expect(MessageTemplate.fill("{a}{a}", with: values) == "11")
        #expect(MessageTemplate.fill("{count} left", with: values) == "{a} left")
        // A brace before the placeholder, one never closed, and an empty name stay as written.
        #expect(MessageTemplate.fill("x {y {a} z", with: values) == "x {y 1 z")
        #expect(MessageTemplate.fill("{} {a", with: values) == "{} {a")
        #expect(MessageTemplate.fill("", with: values) == "")
        // The name is compared as a string: a decomposed é finds the precomposed key.
        #expect(MessageTemplate.fill("[{be\u{301}}]", with: values) == "[two 🙂]")
        #expect(MessageTemplate.fill("{bé}.", with: values) == "two 🙂.")
        // One placeholder, without a dictionary: the same rules.
        #expect(MessageTemplate.fill("({count} left, {count}) {counts}", "count", with: "7") == "(7 left, 7) {counts}")
        #expect(MessageTemplate.fill("{count}", "count", with: "{count}{count}") == "{count}{count}")
        #expect(MessageTemplate.fill("{count}{x", "count", with: "12") == "12{x")
        #expect(MessageTemplate.fill("{be\u{301}}!", "bé", with: "ok") == "ok!")
    }

    @Test func aBundlePackReplacesMessagesAndAddsWords() throws {
        var files = Fixtures.demoFiles()
        files["languages/nl.json"] = """
            { "language": "nl", "messages": { "wentBack": "Terug dan." }, "words": { "yes": ["zeker weten"] } }
            """
        let engine = DialogEngine(bundle: try DialogBundle.load(files: files))
        var (session, _) = engine.start(language: "nl")
        _ = engine.reply("1", in: &session)
        _ = engine.reply("1", in: &session)
        #expect(engine.reply("terug", in: &session).messages == ["Terug dan."])
        #expect(engine.reply("1", in: &session).question == "Is het een elektrische fiets?")
        #expect(engine.reply("zeker weten", in: &session).messages == ["Voor elektrische fietsen maak je een afspraak."])
        // English conversations understand Dutch words (the English pack's alsoUnderstands).
        #expect(engine.bundle.compiled.words("en").yes.contains("zeker weten"))
    }
}
