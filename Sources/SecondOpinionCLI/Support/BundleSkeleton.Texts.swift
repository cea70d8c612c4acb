import DialogEngine

extension BundleSkeleton {
    /// The skeleton's texts in one language. `init` writes a language only when it has these
    /// texts and the engine ships its words (a pack); other languages are added afterwards with
    /// `translate export` and `translate import`, so no bundle starts with texts that only look
    /// translated.
    struct Texts: Sendable {
        var title: String
        var sourceTitle: String
        var publisher: String
        var welcome: String
        var hello: String
        var menuQuestion: String
        var topic: String
        var trigger: String
        var done: String
        var goodbye: String
        var askedBefore: String
        var yes: String
        var no: String
        var welcomeBack: String
        var answer: String

        /// The texts by language code.
        static let written: [String: Texts] = [
            "en": Texts(
                title: "New assistant", sourceTitle: "The page these answers are based on", publisher: "Replace with the publisher",
                welcome: "Welcome", hello: "Hello! I answer questions about one topic.", menuQuestion: "What is your question about?",
                topic: "The topic", trigger: "the topic", done: "I'm done", goodbye: "Goodbye!",
                askedBefore: "Have you asked about this before?", yes: "Yes", no: "No",
                welcomeBack: "Welcome back. Here is the answer again.", answer: "Here is the answer."),
            "nl": Texts(
                title: "Nieuwe assistent", sourceTitle: "De pagina waarop deze antwoorden steunen", publisher: "Vervang door de uitgever",
                welcome: "Welkom", hello: "Hallo! Ik beantwoord vragen over één onderwerp.", menuQuestion: "Waar gaat je vraag over?",
                topic: "Het onderwerp", trigger: "het onderwerp", done: "Ik ben klaar", goodbye: "Tot ziens!",
                askedBefore: "Heb je dit eerder gevraagd?", yes: "Ja", no: "Nee",
                welcomeBack: "Welkom terug. Hier is het antwoord nog eens.", answer: "Hier is het antwoord."),
        ]

        /// The languages `init` writes, sorted: those with texts here and a pack the engine ships.
        static var languages: [String] {
            written.keys.filter { LanguagePack.shipped($0) != nil }.sorted()
        }
    }
}
