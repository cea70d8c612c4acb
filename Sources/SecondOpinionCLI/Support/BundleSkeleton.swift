/// The files of a new bundle: small, complete, and free of warnings, in the languages asked for.
struct BundleSkeleton {
    var id: String
    var languages: [String]
    /// The date the example source was checked (today).
    var checked: String

    /// Texts per language; languages without their own start in English, marked for translation.
    private func text(_ english: String, _ dutch: String) -> String {
        let pairs = languages.map { language -> String in
            let written = switch language {
            case "en": english
            case "nl": dutch
            default: "[\(language)] \(english)"
            }
            return "\"\(language)\": \"\(written)\""
        }
        return "{ " + pairs.joined(separator: ", ") + " }"
    }

    private func phrases(_ english: [String], _ dutch: [String]) -> String {
        let pairs = languages.map { language -> String in
            let written = language == "nl" ? dutch : english
            return "\"\(language)\": [" + written.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
        return "{ " + pairs.joined(separator: ", ") + " }"
    }

    var files: [String: String] {
        let list = languages.map { "\"\($0)\"" }.joined(separator: ", ")
        let first = languages[0]
        return [
            "manifest.json": """
                {
                  "$schema": "schemas/manifest.schema.json",
                  "id": "\(id)",
                  "version": "0.1.0",
                  "title": \(text("New assistant", "Nieuwe assistent")),
                  "languages": [\(list)],
                  "defaultLanguage": "\(first)",
                  "entry": "welcome",
                  "menu": "welcome:menu"
                }

                """,
            "sources.json": """
                {
                  "$schema": "schemas/sources.schema.json",
                  "sources": {
                    "example": {
                      "title": \(text("The page these answers are based on", "De pagina waarop deze antwoorden steunen")),
                      "publisher": \(text("Replace with the publisher", "Vervang door de uitgever")),
                      "url": "https://example.org/",
                      "checked": "\(checked)"
                    }
                  }
                }

                """,
            "facts.json": """
                {
                  "$schema": "schemas/facts.schema.json",
                  "facts": {}
                }

                """,
            "flows/welcome.json": """
                {
                  "$schema": "../schemas/flow.schema.json",
                  "id": "welcome",
                  "title": \(text("Welcome", "Welkom")),
                  "listed": false,
                  "nodes": [
                    {
                      "id": "hello",
                      "kind": "say",
                      "messages": [\(text("Hello! I answer questions about one topic.", "Hallo! Ik beantwoord vragen over één onderwerp."))],
                      "sources": ["example"],
                      "next": "menu"
                    },
                    {
                      "id": "menu",
                      "kind": "ask",
                      "question": \(text("What is your question about?", "Waar gaat je vraag over?")),
                      "choices": [
                        { "id": "topic", "label": \(text("The topic", "Het onderwerp")), "next": "topic:start" },
                        { "id": "stop", "label": \(text("I'm done", "Ik ben klaar")), "next": "goodbye" }
                      ]
                    },
                    {
                      "id": "goodbye",
                      "kind": "end",
                      "messages": [\(text("Goodbye!", "Tot ziens!"))],
                      "sources": []
                    }
                  ]
                }

                """,
            "flows/topic.json": """
                {
                  "$schema": "../schemas/flow.schema.json",
                  "id": "topic",
                  "title": \(text("The topic", "Het onderwerp")),
                  "triggers": \(phrases(["the topic"], ["het onderwerp"])),
                  "nodes": [
                    {
                      "id": "start",
                      "kind": "ask",
                      "question": \(text("Have you asked about this before?", "Heb je dit eerder gevraagd?")),
                      "choices": [
                        { "id": "yes", "label": \(text("Yes", "Ja")), "next": "again" },
                        { "id": "no", "label": \(text("No", "Nee")), "next": "first" }
                      ]
                    },
                    {
                      "id": "again",
                      "kind": "say",
                      "messages": [\(text("Welcome back. Here is the answer again.", "Welkom terug. Hier is het antwoord nog eens."))],
                      "sources": ["example"],
                      "next": "back"
                    },
                    {
                      "id": "first",
                      "kind": "say",
                      "messages": [\(text("Here is the answer.", "Hier is het antwoord."))],
                      "sources": ["example"],
                      "next": "back"
                    },
                    { "id": "back", "kind": "goto", "target": "welcome:menu" }
                  ]
                }

                """,
            "tests/topic.convo": """
                # Every node, choice and branch arm of the bundle; run it with
                #   second-opinion test --coverage --dialogs DIR DIR/tests
                lang \(first)
                = welcome:menu      # the greeting ends at the menu
                > 1                 # the first choice: the topic
                = topic:start
                > 1                 # yes
                = welcome:menu      # the answer, then back to the menu
                @ example           # the answer cites its source
                > 1
                > 2                 # no
                = welcome:menu
                ! not: welcome back # only for those who asked before
                > 2                 # done
                ! ended

                """,
            "README.md": """
                # \(id)

                A dialog bundle for [second-opinion](https://example.org/second-opinion): conversations as
                JSON data. The author guide (`docs/authoring.md` in the second-opinion repository) explains
                every rule; in short:

                - `manifest.json` names the languages (\(languages.joined(separator: ", ")); the first is the default),
                  the flow a conversation starts in (`entry`) and the menu.
                - `flows/*.json` hold the flows; a flow starts at its first node. Every text is written in
                  every language, and every answer cites a source from `sources.json`.
                - `facts.json` holds figures that change by year, each with its year and source.
                - `tests/*.convo` are scripted conversations with their expectations.
                - `schemas/` lets an editor check the files as you type (`$schema` at the top of each file).

                Commands:

                    second-opinion validate --strict .        # every problem, with file, line and column
                    second-opinion validate --watch .         # again on every save
                    second-opinion test --coverage --dialogs . tests
                    second-opinion graph --dialogs . | dot -Tsvg > dialogs.svg
                    second-opinion chat --dialogs .

                """,
        ]
    }
}
