@testable import DialogEngine
import Foundation
import Testing

/// The handoff summary as Markdown: its words come from the conversation's language pack, so a
/// bundle's third language supplies them too, and a pack without them does not load.
@Suite struct HandoffSummaryMarkdownTests {
    static let started = Date(timeIntervalSince1970: 1_796_198_400)

    /// A conversation at the number question of the demo's opening hours, after the fire
    /// interrupt handed off, summarised an hour and two minutes after it started.
    static func summary(_ language: String, files: [String: String] = Fixtures.demoFiles()) throws -> (HandoffSummary, LanguagePack) {
        let engine = DialogEngine(bundle: try DialogBundle.load(files: files))
        var (session, _) = engine.start(language: language, at: started)
        _ = engine.reply("2", in: &session)
        let fire = engine.reply(["nl": "brand", "de": "de fire"][language] ?? "fire", in: &session)
        #expect(fire.handoff?.reason == .emergency)
        let summary = engine.handoffSummary(for: session, reason: .emergency, options: .init(now: started.addingTimeInterval(3725)))
        return (summary, engine.bundle.languagePack(for: language))
    }

    @Test func theDutchPackWritesEveryLine() throws {
        let (summary, pack) = try Self.summary("nl")
        #expect(summary.markdown(pack: pack) == """
            # Samenvatting voor de overdracht

            - **Reden:** een veiligheidsmelding (`fire`)
            - **Taal:** nl
            - **Duur:** 1 h 2 min
            - **Dialogen:** bike-shop 1.0.0

            ## Onderwerpen

            1. Openingstijden (`hours`)

            ## Antwoorden

            - Waarmee kan ik je helpen? → Openingstijden (`hours`)

            ## Getoonde feiten

            Geen.

            ## Actieplan

            Geen.

            ## Open vraag

            Hoeveel fietsen breng je?

            Verwacht: een getal vanaf 1 tot en met 5

            """)
    }

    @Test(arguments: [
        ("nl", ["- Waarmee kan ik je helpen? → ja", "- Waarmee kan ik je helpen? → 2,5", "Verwacht: een getal vanaf 1,5", "Verwacht: een getal tot en met 5",
         "Verwacht: een getal", "Verwacht: ja of nee", "Verwacht: tekst", "- **Duur:** 2 min 5 s", "- **Duur:** 59 s", "- **Duur:** onbekend",
         "- **Reden:** de hulp lukte een paar keer achter elkaar niet"]),
        ("en", ["- What can I help you with? → yes", "- What can I help you with? → 2.5", "Expects: a number from 1.5", "Expects: a number to 5",
         "Expects: a number", "Expects: yes or no", "Expects: text", "- **Duration:** 2 min 5 s", "- **Duration:** 59 s", "- **Duration:** unknown",
         "- **Reason:** help failed several times in a row"]),
    ])
    func valuesExpectationsDurationsAndReasonsInTheirLanguage(_ language: String, _ expected: [String]) throws {
        let (summary, pack) = try Self.summary(language)
        func line(_ change: (inout HandoffSummary) -> Void, _ prefix: String) -> String? {
            var changed = summary
            change(&changed)
            return changed.markdown(pack: pack).split(separator: "\n").map(String.init).first { $0.hasPrefix(prefix) }
        }
        let answer = String(expected[0].prefix { $0 != "→" })
        let expects = String(expected[2].prefix { $0 != ":" }) + ":"
        let duration = String(expected[7].prefix { $0 != ":" })
        let got = [
            line({ $0.answers[0].choice = nil; $0.answers[0].value = .bool(true) }, answer),
            line({ $0.answers[0].choice = nil; $0.answers[0].value = .number(2.5) }, answer),
            line({ $0.openQuestion?.min = 1.5; $0.openQuestion?.max = nil }, expects),
            line({ $0.openQuestion?.min = nil }, expects),
            line({ $0.openQuestion?.min = nil; $0.openQuestion?.max = nil }, expects),
            line({ $0.openQuestion?.expects = .yesNo }, expects),
            line({ $0.openQuestion?.expects = .text }, expects),
            line({ $0.durationSeconds = 125 }, duration),
            line({ $0.durationSeconds = 59 }, duration),
            line({ $0.durationSeconds = nil }, duration),
            line({ $0.reason = .repeatedFailure; $0.interrupt = nil }, String(expected[10].prefix { $0 != ":" })),
        ]
        #expect(got == expected.map(Optional.some))
    }

    @Test func aThirdLanguageOfTheBundleGivesItsOwnWords() throws {
        let (files, _) = try TranslationRoundTripTests.translatedDemo()
        let (summary, pack) = try Self.summary("de", files: files)
        let markdown = summary.markdown(pack: pack)
        #expect(markdown.hasPrefix("""
            # DE Handoff summary

            - **DE Reason:** DE a safety interrupt (`fire`)
            - **DE Language:** de
            - **DE Duration:** DE 1 h 2 min
            """))
        #expect(markdown.hasSuffix("""
            ## DE Open question

            DE How many bikes do you bring?

            DE Expects: DE a number from 1 to 5

            """))
    }

    @Test func aThirdLanguagesPackWithoutASummaryWordDoesNotLoad() throws {
        var (files, _) = try TranslationRoundTripTests.translatedDemo()
        let pack = try #require(files["languages/de.json"])
        files["languages/de.json"] = pack.replacingOccurrences(of: #"    "summary.expects": "DE Expects",\#n"#, with: "")
        #expect(files["languages/de.json"] != pack)
        do {
            _ = try DialogBundle.load(files: files)
            Issue.record("the bundle loaded")
        } catch {
            #expect(DiagnosticRenderer(sources: files).render(error.diagnostics) == """
                languages/de.json:5:15: error: DLG015 the language pack 'de' has no message 'summary.expects' [$.messages]
                  "messages": {
                              ^
                hint: add "summary.expects": "..." (in English: "Expects")
                """)
        }
    }
}
