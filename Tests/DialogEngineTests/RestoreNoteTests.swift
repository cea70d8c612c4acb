import DialogEngine
import Foundation
import Testing

/// What restoring changed, as values that a front end says in the conversation's language.
@Suite struct RestoreNoteTests {
    static let notes: [RestoreNote] = [
        .otherVersion(saved: "0.9", current: "1.0.0"), .languageUnavailable(saved: "fr", instead: "en"),
        .answerDropped(variable: "wheel"), .planItemsDropped(count: 2), .questionGone(question: "repair:gone"),
        .stepBackDropped(question: "repair:electric_price"),
    ]

    @Test func eachNoteInDutchAndEnglish() throws {
        let engine = try Fixtures.demoEngine()
        #expect(Self.notes.map { $0.message(pack: engine.bundle.languagePack(for: "nl")) } == [
            "opgeslagen met versie 0.9 van de dialogen; nu 1.0.0",
            "de taal 'fr' is er niet meer; we gaan verder in 'en'",
            "het antwoord 'wheel' is weggelaten: de dialogen gebruiken het niet meer",
            "2 stap(pen) uit het plan weggelaten die de dialogen niet meer hebben",
            "de vraag 'repair:gone' bestaat niet meer; we gaan verder bij het begin van het onderwerp",
            "een stap terug naar 'repair:electric_price' is weggelaten: die vraag wacht niet meer op een antwoord",
        ])
        #expect(Self.notes.map { $0.message(pack: engine.bundle.languagePack(for: "en")) } == [
            "saved with dialogs version 0.9; now 1.0.0",
            "language 'fr' is no longer available; using 'en'",
            "dropped the answer 'wheel', which the dialogs no longer use",
            "dropped 2 plan item(s) the dialogs no longer have",
            "the question 'repair:gone' no longer exists; continuing from the start of its topic",
            "dropped a step back to 'repair:electric_price', which no longer waits for an answer",
        ])
    }

    @Test func aGoneLanguageAndGonePlanItemsAreNotedWithTheirValues() throws {
        let engine = try Fixtures.demoEngine()
        let tree = SessionRestoreTests.editingSession(try SessionRestoreTests.savedTree(engine)) { session in
            session["language"] = "fr\u{1B}[31m"
            session["plan"] = [["item": "gone", "node": "repair:gone"]]
        }
        let (session, notes) = try engine.restore(try SessionRestoreTests.data(tree))
        #expect(session.language == "en")
        // The escape sequence from the save is not passed on to a terminal.
        #expect(notes == [.languageUnavailable(saved: "fr", instead: "en"), .planItemsDropped(count: 1)])
    }

    @Test func aSaveThatCannotBeOpenedIsSaidInTheConversationsLanguage() throws {
        let engine = try Fixtures.demoEngine()
        let errors = [SessionRestoreError(code: .unreadable, detail: "no format version"), SessionRestoreError(code: .newerFormat, detail: "9"),
                      SessionRestoreError(code: .otherBundle, detail: "other"), SessionRestoreError(code: .tooLarge, detail: "9000000")]
        #expect(errors.map { $0.message(pack: engine.bundle.languagePack(for: "nl")) } == [
            "dit is geen opgeslagen gesprek (no format version)",
            "dit gesprek is opgeslagen door een nieuwere versie (formaat 9); werk het programma bij om het te openen",
            "dit gesprek is opgeslagen met andere dialogen ('other') en kan hier niet verder",
            "dit opgeslagen gesprek is te groot (9000000 bytes; hoogstens 8388608)",
        ])
        #expect(errors.map(\.description) == [
            "this is not a saved conversation (no format version)",
            "this conversation was saved by a newer version (format 9); update the program to open it",
            "this conversation was saved with other dialogs ('other') and cannot continue here",
            "this saved conversation is too large (9000000 bytes; at most 8388608)",
        ])
    }
}
