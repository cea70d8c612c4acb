/// The files of a new bundle: small, complete, and free of warnings, in the languages asked for
/// (each one of ``Texts/languages``).
struct BundleSkeleton {
    var id: String
    /// The bundle's languages, the first being the default, each with its texts.
    private var written: [(language: String, texts: Texts)]
    /// The date the example source was checked (today).
    var checked: String

    /// The skeleton in `languages`; nil when one of them is not among ``Texts/languages``.
    init?(id: String, languages: [String], checked: String) {
        let written = languages.compactMap { language in Texts.written[language].map { (language, $0) } }
        guard !written.isEmpty, written.count == languages.count, languages.allSatisfy(Texts.languages.contains) else { return nil }
        self.id = id
        self.written = written
        self.checked = checked
    }

    var languages: [String] { written.map(\.language) }

    /// A JSON object with `text`'s value in every language of the bundle.
    private func text(_ text: KeyPath<Texts, String>) -> String {
        "{ " + written.map { "\"\($0.language)\": \"\($0.texts[keyPath: text])\"" }.joined(separator: ", ") + " }"
    }

    /// A JSON object with a one-phrase list in every language of the bundle.
    private func phrases(_ text: KeyPath<Texts, String>) -> String {
        "{ " + written.map { "\"\($0.language)\": [\"\($0.texts[keyPath: text])\"]" }.joined(separator: ", ") + " }"
    }

    var files: [String: String] {
        let list = languages.map { "\"\($0)\"" }.joined(separator: ", ")
        let first = languages[0]
        let firstTexts = written[0].texts
        return [
            "manifest.json": """
                {
                  "$schema": "schemas/manifest.schema.json",
                  "id": "\(id)",
                  "version": "0.1.0",
                  "title": \(text(\.title)),
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
                      "title": \(text(\.sourceTitle)),
                      "publisher": \(text(\.publisher)),
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
                  "title": \(text(\.welcome)),
                  "listed": false,
                  "nodes": [
                    {
                      "id": "hello",
                      "kind": "say",
                      "messages": [\(text(\.hello))],
                      "sources": ["example"],
                      "next": "menu"
                    },
                    {
                      "id": "menu",
                      "kind": "ask",
                      "question": \(text(\.menuQuestion)),
                      "choices": [
                        { "id": "topic", "label": \(text(\.topic)), "next": "topic:start" },
                        { "id": "stop", "label": \(text(\.done)), "next": "goodbye" }
                      ]
                    },
                    {
                      "id": "goodbye",
                      "kind": "end",
                      "messages": [\(text(\.goodbye))],
                      "sources": []
                    }
                  ]
                }

                """,
            "flows/topic.json": """
                {
                  "$schema": "../schemas/flow.schema.json",
                  "id": "topic",
                  "title": \(text(\.topic)),
                  "triggers": \(phrases(\.trigger)),
                  "nodes": [
                    {
                      "id": "start",
                      "kind": "ask",
                      "question": \(text(\.askedBefore)),
                      "choices": [
                        { "id": "yes", "label": \(text(\.yes)), "next": "again" },
                        { "id": "no", "label": \(text(\.no)), "next": "first" }
                      ]
                    },
                    {
                      "id": "again",
                      "kind": "say",
                      "messages": [\(text(\.welcomeBack))],
                      "sources": ["example"],
                      "next": "back"
                    },
                    {
                      "id": "first",
                      "kind": "say",
                      "messages": [\(text(\.answer))],
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
                = welcome:menu      # the answer, but not the one for those who asked before
                ! not: \(firstTexts.welcomeBack)
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
