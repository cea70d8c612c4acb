#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Dialog bundles of any size, made the same way every time: flows of question nodes with two to
/// four choices, answer leaves, and a branch on a variable every few questions.
enum SyntheticBundle {
    /// The files of a bundle with `questions` question nodes, in flows of at most 100.
    static func files(questions: Int) -> [String: String] {
        let perFlow = 100
        let flowCount = max(1, (questions + perFlow - 1) / perFlow)
        var files: [String: String] = [
            "manifest.json": """
                {"id": "synthetic", "version": "1", "languages": ["en", "nl"], "defaultLanguage": "en", "entry": "f0", "menu": "f0:q0"}
                """,
            "facts.json": #"{"facts": {}}"#,
            "sources.json": #"{"sources": {"s": {"title": {"en": "Source", "nl": "Bron"}, "publisher": {"en": "Publisher", "nl": "Uitgever"}, "checked": "2026-01-01"}}}"#,
        ]
        var remaining = questions
        for flow in 0..<flowCount {
            let count = min(perFlow, remaining)
            remaining -= count
            files["flows/f\(flow).json"] = flowFile(flow, questions: count, flowCount: flowCount)
        }
        return files
    }

    /// Writes the bundle with `questions` question nodes into a new folder under the temporary
    /// directory, as an author's bundle is kept, and returns the folder and how many bytes of JSON
    /// it holds.
    static func folder(questions: Int) throws -> (folder: URL, jsonBytes: Int) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("second-opinion-bench-\(questions)-\(UUID().uuidString)")
        var bytes = 0
        for (path, text) in files(questions: questions) {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            bytes += text.utf8.count
        }
        return (folder, bytes)
    }

    /// The text typed to pick choice `choice` of question `question` in flow `flow`.
    static func label(flow: Int, question: Int, choice: Int) -> String {
        "answer \(words[(flow * 7 + question * 3 + choice) % words.count]) \(question) \(choice)"
    }

    static let words = ["apple", "river", "stone", "cloud", "maple", "harbor", "lantern", "meadow", "copper", "willow",
                        "falcon", "granite", "orchard", "pepper", "quartz", "saddle", "timber", "velvet", "walnut", "zephyr"]

    /// Two to four choices; four on every fifth question, whose third choice leads to a branch.
    private static func choices(_ question: Int) -> Int { question % 5 == 0 ? 4 : 2 + question % 3 }

    private static func flowFile(_ flow: Int, questions: Int, flowCount: Int) -> String {
        var nodes: [String] = []
        for question in 0..<questions {
            let choiceCount = choices(question)
            let next = question + 1 < questions ? "q\(question + 1)" : (flow + 1 < flowCount ? "f\(flow + 1):q0" : "done")
            var choices: [String] = []
            for choice in 0..<choiceCount {
                let target: String
                switch choice {
                case 0: target = next
                case 1: target = "a\(question)"
                default: target = question % 5 == 0 ? "b\(question)" : next
                }
                let text = label(flow: flow, question: question, choice: choice)
                choices.append(#"{"id": "c\#(choice)", "label": {"en": "\#(text)", "nl": "\#(text) nl"}, "next": "\#(target)"}"#)
            }
            let variable = question % 5 == 0 ? #", "variable": "v\#(flow)_\#(question)""# : ""
            nodes.append("""
                {"id": "q\(question)", "kind": "ask"\(variable), "question": {"en": "Question \(question) of flow \(flow)?", "nl": "Vraag \(question) van stroom \(flow)?"},
                 "choices": [\(choices.joined(separator: ", "))]}
                """)
            nodes.append("""
                {"id": "a\(question)", "kind": "say", "messages": [{"en": "Answer \(question): a short text that says something useful.", "nl": "Antwoord \(question): een korte tekst."}], "sources": ["s"], "next": "\(next)"}
                """)
            if question % 5 == 0 {
                nodes.append("""
                    {"id": "b\(question)", "kind": "branch", "cases": [{"if": "v\(flow)_\(question) == 'c2'", "next": "a\(question)"}], "else": "\(next)"}
                    """)
            }
        }
        if flow + 1 == flowCount {
            nodes.append(#"{"id": "done", "kind": "end", "messages": [{"en": "Done.", "nl": "Klaar."}], "sources": []}"#)
        }
        var variables: [String] = []
        for question in stride(from: 0, to: questions, by: 5) {
            let values = (0..<choices(question)).map { "\"c\($0)\"" }.joined(separator: ", ")
            variables.append(#""v\#(flow)_\#(question)": {"type": "oneOf", "values": [\#(values)]}"#)
        }
        return """
            {"id": "f\(flow)", "title": {"en": "Flow \(flow)", "nl": "Stroom \(flow)"}, "listed": \(flow == 0 ? "false" : "true"),
             "triggers": {"en": ["topic \(flow)"], "nl": ["onderwerp \(flow)"]},
             "variables": {\(variables.joined(separator: ", "))},
             "nodes": [\(nodes.joined(separator: ",\n"))]}
            """
    }
}
