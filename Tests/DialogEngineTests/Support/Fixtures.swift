import DialogEngine
import Foundation
import TestSupport

/// Paths and loaders for the fixtures next to these tests.
enum Fixtures {
    static let directory = PackageRoot.appending("Tests/DialogEngineTests/Fixtures")

    static var demoDirectory: URL { directory.appendingPathComponent("demo") }

    /// The demo bundle's files by relative path.
    static func demoFiles() -> [String: String] {
        DialogBundle.readFiles(in: demoDirectory).files
    }

    static func demoBundle() throws -> DialogBundle {
        try DialogBundle.load(files: demoFiles())
    }

    static func demoEngine() throws -> DialogEngine {
        DialogEngine(bundle: try demoBundle())
    }

    /// Files in `folder` with `suffix`, sorted by name.
    static func files(in folder: String, suffix: String) -> [String] {
        let url = directory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }

    static func text(_ folder: String, _ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(folder).appendingPathComponent(name), encoding: .utf8)
    }
}

extension Fixtures {
    /// A flow with a one-of input, which the demo bundle lacks, for tests of that path.
    static let paintFlow = """
        {
          "id": "paint",
          "title": { "en": "Paint", "nl": "Verf" },
          "triggers": { "en": ["paint colour"], "nl": ["verfkleur"] },
          "variables": { "colour": { "type": "oneOf", "values": ["red", "blue"] } },
          "nodes": [
            {
              "id": "start",
              "kind": "input",
              "type": "oneOf",
              "variable": "colour",
              "question": { "en": "Which colour?", "nl": "Welke kleur?" },
              "options": [
                { "value": "red", "label": { "en": "Red", "nl": "Rood" } },
                { "value": "blue", "label": { "en": "Blue", "nl": "Blauw" } }
              ],
              "next": "done"
            },
            { "id": "done", "kind": "end", "messages": [{ "en": "Painted.", "nl": "Geverfd." }], "sources": ["prices"] }
          ]
        }
        """

    /// The demo bundle plus ``paintFlow``.
    static func demoWithPaintEngine() throws -> DialogEngine {
        var files = demoFiles()
        files["flows/paint.json"] = paintFlow
        return DialogEngine(bundle: try DialogBundle.load(files: files))
    }
}
