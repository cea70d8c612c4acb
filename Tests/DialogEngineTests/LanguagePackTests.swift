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
        func fill(_ text: String) -> String { MessageTemplate(text).filled(with: values) }
        #expect(fill("{a}{a}") == "11")
        #expect(fill("{count} left") == "{a} left")
        // A brace before the placeholder, one never closed, and an empty name stay as written.
        #expect(fill("x {y {a} z") == "x {y 1 z")
        #expect(fill("{} {a") == "{} {a")
        #expect(fill("") == "")
        #expect(MessageTemplate("no {a} here").filled(with: [:]) == "no {a} here")
        // The name is compared as a string: a decomposed é finds the precomposed key.
        #expect(fill("[{be\u{301}}]") == "[two 🙂]")
        #expect(fill("{bé}.") == "two 🙂.")
        // One placeholder, as the engine fills the transcript's marker: the same rules.
        let marker = MessageTemplate("({count} left, {count}) {counts}")
        #expect(marker.filled { $0 == "count" ? "7" : nil } == "(7 left, 7) {counts}")
        #expect(MessageTemplate("{count}").filled { $0 == "count" ? "{count}{count}" : nil } == "{count}{count}")
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
