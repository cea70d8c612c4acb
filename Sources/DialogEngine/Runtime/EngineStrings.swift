/// The engine's own words (not the dialogs'): misunderstandings, commands, confirmations.
/// Dutch and English; other languages fall back to English.
struct EngineStrings {
    let dutch: Bool

    init(language: String) { dutch = language == "nl" }

    func notUnderstood(misses: Int) -> String {
        switch misses {
        case ...1:
            dutch ? "Dat begreep ik niet. Kies een van de antwoorden hieronder: typ het nummer of de woorden."
                : "I didn't understand that. Pick one of the answers below: type its number or its words."
        case 2:
            dutch ? "Ik begrijp het nog steeds niet. Typ alleen het nummer van een antwoord, bijvoorbeeld 1."
                : "I still don't understand. Type just the number of an answer, for example 1."
        default:
            dutch ? "Het lukt nog niet. Typ het nummer van een antwoord, 'onderwerpen' voor alle onderwerpen, 'terug' om je vorige antwoord te wijzigen of 'help' voor alle commando's."
                : "This isn't working yet. Type the number of an answer, 'topics' for all topics, 'back' to change your last answer, or 'help' for all commands."
        }
    }

    func omittedLines(_ count: Int) -> String {
        dutch ? "(\(count) eerdere regels van dit gesprek zijn weggelaten)" : "(\(count) earlier lines of this conversation were left out)"
    }

    func didYouMean(_ options: [(number: Int, label: String)]) -> String {
        let list = options.map { "\($0.number). \($0.label)" }
        if list.count == 1 {
            // A label that is itself a question keeps its one question mark.
            let mark = list[0].hasSuffix("?") ? "" : "?"
            return dutch ? "Bedoel je \(list[0])\(mark) Typ het nummer om te kiezen."
                : "Do you mean \(list[0])\(mark) Type the number to choose it."
        }
        let joined = list.dropLast().joined(separator: ", ") + (dutch ? " of " : " or ") + list.last!
        return dutch ? "Dat past bij meer dan één antwoord: \(joined). Welke bedoel je? Typ het nummer."
            : "That fits more than one answer: \(joined). Which one do you mean? Type the number."
    }

    var emptyAnswer: String {
        dutch ? "Je hebt niets getypt. Kies een antwoord of typ je vraag." : "You didn't type anything. Pick an answer or type your question."
    }

    var answerYesOrNo: String {
        dutch ? "Antwoord met ja of nee." : "Please answer yes or no."
    }

    func answerNumber(minimum: Double?, maximum: Double?) -> String {
        switch (minimum, maximum) {
        case let (low?, high?):
            dutch ? "Typ een getal van \(DialogValue.number(low).formatted(language: "nl")) tot en met \(DialogValue.number(high).formatted(language: "nl"))."
                : "Please type a number from \(DialogValue.number(low)) to \(DialogValue.number(high))."
        case let (low?, nil):
            dutch ? "Typ een getal van \(DialogValue.number(low).formatted(language: "nl")) of meer." : "Please type a number of \(DialogValue.number(low)) or more."
        case let (nil, high?):
            dutch ? "Typ een getal van hoogstens \(DialogValue.number(high).formatted(language: "nl"))." : "Please type a number no higher than \(DialogValue.number(high))."
        default:
            dutch ? "Typ een getal." : "Please type a number."
        }
    }

    func offerSwitch(to title: String) -> String {
        dutch ? "Dat klinkt als een vraag over '\(title)'. Wil je naar dat onderwerp gaan?"
            : "That sounds like a question about '\(title)'. Do you want to go to that topic?"
    }

    var explainYesNo: String {
        dutch ? "Geen probleem. Deze vraag kun je beantwoorden met ja of nee. Weet je het niet zeker? Typ 'terug' of 'onderwerpen'."
            : "No problem. You can answer this question with yes or no. Not sure? Type 'back' or 'topics'."
    }

    var explainText: String {
        dutch ? "Geen probleem. Typ je antwoord in je eigen woorden." : "No problem. Type your answer in your own words."
    }

    var explainChoices: String {
        dutch ? "Geen probleem. Kies het antwoord dat het best past: typ het nummer, of de woorden. Past er geen? Typ dan je vraag, of 'onderwerpen'."
            : "No problem. Pick the answer that fits best: type its number, or its words. None fits? Then type your question, or 'topics'."
    }

    var explainMenu: String {
        dutch ? "Geen probleem. Kies hieronder een onderwerp met het nummer, of typ je vraag in je eigen woorden."
            : "No problem. Pick a topic below by its number, or type your question in your own words."
    }

    var askTopics: String {
        dutch ? "Ik weet niet zeker waar je vraag over gaat." : "I'm not sure which topic your question is about."
    }

    var askOneTopic: String {
        dutch ? "Ik weet niet zeker of ik je goed begrijp." : "I'm not sure I understand you correctly."
    }

    var whichTopic: String {
        dutch ? "Welk onderwerp past het best? Typ het nummer." : "Which topic fits best? Type its number."
    }

    func isItAbout(_ title: String) -> String {
        dutch ? "Gaat je vraag over '\(title)'?" : "Is your question about '\(title)'?"
    }

    func outOfScope(topics: [String]) -> String {
        let list = topics.map { "- \($0)" }.joined(separator: "\n")
        return dutch ? "Daar kan ik je helaas niet mee helpen. Ik weet iets over deze onderwerpen:\n\(list)"
            : "I'm sorry, I can't help with that. I know about these topics:\n\(list)"
    }

    /// Offered in the language the person wrote in, so they can read it.
    func offerLanguage(_ language: String) -> String {
        dutch ? "Het lijkt erop dat je in het Nederlands schrijft." : "It looks like you are writing in English."
    }

    func continueIn(_ language: String) -> String {
        dutch ? "Wil je verder in het Nederlands?" : "Shall we continue in English?"
    }

    func alreadyAnswered(_ answer: String) -> String {
        let stop = answer.hasSuffix("?") || answer.hasSuffix(".") || answer.hasSuffix("!") ? "" : "."  // A label that is a question keeps its own mark.
        return dutch ? "Dat had je al verteld: \(answer)\(stop) (Klopt dat niet? Typ 'terug'.)"
            : "You already told me: \(answer)\(stop) (Not right? Type 'back'.)"
    }

    var yes: String { dutch ? "Ja" : "Yes" }
    var no: String { dutch ? "Nee" : "No" }

    var stayHere: String { dutch ? "Goed, we gaan verder waar we waren." : "All right, let's carry on where we were." }

    var nothingToUndo: String { dutch ? "Er is geen eerder antwoord om terug naar te gaan." : "There is no earlier answer to go back to." }

    var wentBack: String { dutch ? "We gaan een stap terug." : "Let's go back one step." }

    var conversationEnded: String {
        dutch ? "Dit gesprek is afgelopen. Typ 'onderwerpen' voor een nieuw onderwerp of 'opnieuw' om opnieuw te beginnen."
            : "This conversation has ended. Type 'topics' to pick a new topic or 'restart' to start again."
    }

    func languageChanged(to language: String) -> String {
        language == "nl" ? "We gaan verder in het Nederlands." : "We'll continue in English."
    }

    func unknownLanguage(_ requested: String, available: [String]) -> String {
        dutch ? "Die taal ken ik niet ('\(requested)'). Beschikbaar: \(available.joined(separator: ", "))."
            : "I don't know that language ('\(requested)'). Available: \(available.joined(separator: ", "))."
    }

    var emptyPlan: String {
        dutch ? "Je plan is nog leeg. Stappen komen erin te staan zodra je een antwoord hebt gekregen."
            : "Your plan is still empty. Steps are added as soon as you get an answer."
    }

    var planHeading: String { dutch ? "Je plan:" : "Your plan:" }

    var handoffWithoutContent: String {
        dutch ? "Je wilt iemand spreken. Ik geef je gesprek door aan een mens, als die er is."
            : "You would like to talk to someone. I am passing your conversation on to a person, if one is available."
    }

    var goodbye: String { dutch ? "Tot ziens. Veel sterkte." : "Goodbye. Take care." }

    var help: String {
        dutch ? """
            Je kunt een antwoord kiezen met het nummer of met je eigen woorden, of gewoon je vraag typen.
            Commando's (met of zonder /):
              help        deze uitleg
              terug       je vorige antwoord wijzigen
              opnieuw     opnieuw beginnen
              onderwerpen alle onderwerpen
              taal en     switch to English
              plan        je plan met volgende stappen
              mens        met een mens praten
              stop        het gesprek beëindigen
            """
            : """
            Pick an answer by its number or in your own words, or just type your question.
            Commands (with or without /):
              help        this explanation
              back        change your last answer
              restart     start again
              topics      all topics
              lang nl     schakel naar Nederlands
              plan        your plan with next steps
              human       talk to a person
              quit        end the conversation
            """
    }
}
