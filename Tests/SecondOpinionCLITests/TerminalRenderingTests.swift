import DialogEngine
import Foundation
@testable import SecondOpinionCLI
import SecondOpinionDialogs
import Testing

@Suite struct TerminalRenderingTests {
    @Test func wrapsAtSpacesToTheWidth() {
        #expect(TerminalText.wrapped("one two three four five", width: 10) == ["one two", "three four", "five"])
        #expect(TerminalText.wrapped("a\n\nb", width: 20) == ["a", "", "b"])
        #expect(TerminalText.wrapped(String(repeating: "x", count: 25), width: 10) == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
        #expect(TerminalText.wrapped("één twee drie", width: 12, indent: "  ") == ["  één twee", "  drie"])
        #expect(TerminalText.wrapped("  help        this text", width: 40) == ["  help        this text"])
        #expect(TerminalText.wrapped("  one two three four", width: 12) == ["  one two", "  three four"])
    }

    @Test func sanitizingRemovesEveryEscapeAndControlSequence() {
        #expect(TerminalText.sanitized("\u{1B}[31mred\u{1B}[0m") == "red")
        #expect(TerminalText.sanitized("a\u{1B}]0;title\u{07}b") == "ab")
        #expect(TerminalText.sanitized("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b") == "alinkb")
        #expect(TerminalText.sanitized("bell\u{07}\u{08}\rline\nnext\ttab") == "bellline\nnext tab")
        #expect(TerminalText.sanitized("\u{202E}evil\u{202C}") == "evil")
        #expect(TerminalText.sanitized("€385 één") == "€385 één")
    }

    @Test func colourIsOffWithNoColorOrWithoutATerminal() {
        #expect(Style.detect(environment: [:], outputIsTerminal: true).enabled)
        #expect(!Style.detect(environment: ["NO_COLOR": ""], outputIsTerminal: true).enabled)
        #expect(!Style.detect(environment: ["TERM": "dumb"], outputIsTerminal: true).enabled)
        #expect(!Style.detect(environment: [:], outputIsTerminal: false).enabled)
        #expect(Style(enabled: false).bold("x") == "x")
        #expect(Style(enabled: true).bold("x") == "\u{1B}[1mx\u{1B}[0m")
    }

    @Test func rendersMessagesSourcesQuestionAndNumberedChoices() {
        let turn = Turn(
            flow: "costs", node: "start", language: "en", messages: ["Deductible: €385 in 2024."], question: "How are you insured?",
            choices: (1...10).map { Turn.Choice(number: $0, id: "c\($0)", label: "Option \($0)") },
            expects: Turn.Expectation(kind: .choice),
            sources: [SourceReference(id: "cz", title: "Advice", publisher: "CZ", url: nil, checked: "2026-11-23")],
            plan: [], ended: false, outcome: .answered, events: [])
        let text = TurnRenderer(width: 40, style: Style(enabled: false), pack: LanguagePack.shipped("en")!).render(turn)
        #expect(text == """
            Deductible: €385 in 2024.

              Source: [1] CZ (/sources)

            How are you insured?
               1. Option 1
               2. Option 2
               3. Option 3
               4. Option 4
               5. Option 5
               6. Option 6
               7. Option 7
               8. Option 8
               9. Option 9
              10. Option 10
            """)
    }

    @Test func sourcesAreOneNumberedLineUnderTheAnswerAndInFullOnRequest() {
        let sources = [
            SourceReference(id: "cz", title: "Advice on a second opinion", publisher: "Zorgverzekeraar CZ", url: nil, checked: "2026-11-23"),
            SourceReference(id: "law", title: "WGBO", publisher: "Nederlandse wet", url: "https://wetten.overheid.nl", checked: "2026-12-02"),
        ]
        let turn = Turn(flow: "costs", node: "start", language: "nl", messages: ["Het eigen risico kan gelden."], question: nil, choices: [],
                        expects: Turn.Expectation(kind: .none), sources: sources, plan: [], ended: false, outcome: .answered, events: [])
        let renderer = TurnRenderer(width: 40, style: Style(enabled: false), pack: LanguagePack.shipped("nl")!)
        #expect(renderer.render(turn) == """
            Het eigen risico kan gelden.

              Bronnen: [1] Zorgverzekeraar CZ · [2]
              Nederlandse wet (/bronnen)
            """)
        #expect(renderer.renderSources(sources) == """
            [1] Advice on a second opinion
                Zorgverzekeraar CZ, gecontroleerd
                2026-11-23
            [2] WGBO
                Nederlandse wet,
                https://wetten.overheid.nl,
                gecontroleerd 2026-12-02
            """)
        #expect(renderer.renderSources([]) == "Het laatste antwoord noemde geen bronnen.")
    }

    @Test func rendersThePlanAsAChecklist() {
        let plan = [PlanEntry(id: "a", text: "Call your insurer before the appointment.", sources: [SourceReference(id: "cz", title: "Advice", publisher: "CZ", url: nil, checked: "2026-11-23")])]
        let text = TurnRenderer(width: 30, style: Style(enabled: false), pack: LanguagePack.shipped("nl")!).renderPlan(plan)
        #expect(text == "Je plan\n  [ ] Call your insurer before\n      the appointment.\n      Bron: Advice")
    }

    @Test func languageFollowsFlagThenLocaleThenTheBundlesDefault() {
        func resolve(_ requested: String?, _ environment: [String: String], default fallback: String = "en") -> String {
            LanguagePreference.resolve(requested: requested, environment: environment, languages: ["nl", "en", "de"], defaultLanguage: fallback)
        }
        #expect(resolve("EN", ["LANG": "nl_NL.UTF-8"]) == "en")
        #expect(resolve(nil, ["LANG": "nl_BE.UTF-8"]) == "nl")
        #expect(resolve(nil, ["LANG": "de_DE.UTF-8"]) == "de")
        #expect(resolve(nil, ["LC_MESSAGES": "nl_NL"]) == "nl")
        // The first locale variable that is set decides, as in POSIX; one the bundle lacks (or C)
        // means the bundle's default, not English.
        #expect(resolve(nil, ["LC_ALL": "C", "LANG": "en_GB"], default: "nl") == "nl")
        #expect(resolve(nil, ["LANG": "fr_FR.UTF-8"], default: "nl") == "nl")
        #expect(resolve(nil, ["LANG": ""], default: "nl") == "nl")
        #expect(resolve(nil, [:], default: "nl") == "nl")
        #expect(resolve(nil, [:], default: "en") == "en")
    }

    @Test func historyLivesInTheXDGStateDirectory() {
        #expect(HistoryLocation.file(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path == "/s/second-opinion/history")
        #expect(HistoryLocation.file(environment: ["HOME": "/h"])?.path == "/h/.local/state/second-opinion/history")
        #expect(HistoryLocation.file(environment: [:]) == nil)
    }

    @Test func planDocumentIsMarkdown() throws {
        let plan = [PlanEntry(id: "a", text: "Ask for a referral.", sources: [SourceReference(id: "x", title: "T", publisher: "P", url: "https://example.org", checked: "2026-01-01")])]
        #expect(PlanDocument.markdown(plan, pack: try DialogBundle.load(files: SecondOpinionDialogs.files).languagePack(for: "en")) == "# My plan: second opinion\n\n- [ ] Ask for a referral.\n  - Source: T, P <https://example.org>\n\nThis is general information, not medical or legal advice.\n")
    }
}

@Suite struct CompletionTests {
    let candidates = ["Één keer per jaar", "Eén of twee", "Kosten en vergoeding", "/terug", "/taal nl", "/plan save "]

    @Test func completesTheOneMatchWithASpace() {
        #expect(Completion.complete("kos", among: candidates) == .replace("Kosten en vergoeding "))
        #expect(Completion.complete("/te", among: candidates) == .replace("/terug "))
        #expect(Completion.complete("/plan s", among: candidates) == .replace("/plan save "))
    }

    @Test func extendsToTheSharedPartThenLists() {
        #expect(Completion.complete("/", among: ["/terug", "/taal nl"]) == .replace("/t"))
        #expect(Completion.complete("/t", among: ["/terug", "/taal nl"]) == .list(["/terug", "/taal nl"]))
    }

    @Test func matchesNonASCIIPrefixesByWholeCharacters() {
        #expect(Completion.complete("één", among: candidates) == .replace("Één keer per jaar "))
        #expect(Completion.complete("e", among: ["Één", "Eén"]) == .replace("Eén "))
        #expect(Completion.complete("x", among: candidates) == .none)
    }
}
