import Foundation

/// The bundle the restore and reply targets run on: the engine tests' demo bundle plus a flow
/// with a one-of input, read once per process from `FUZZ_BUNDLE`.
enum FuzzBundle {
    static let paintFlow = """
        {
          "id": "paint",
          "title": { "en": "Paint", "nl": "Verf" },
          "triggers": { "en": ["paint colour"], "nl": ["verfkleur"] },
          "variables": { "colour": { "type": "oneOf", "values": ["red", "blue"] }, "note": { "type": "text" } },
          "nodes": [
            {
              "id": "start", "kind": "input", "type": "oneOf", "variable": "colour",
              "question": { "en": "Which colour?", "nl": "Welke kleur?" },
              "options": [
                { "value": "red", "label": { "en": "Red", "nl": "Rood" } },
                { "value": "blue", "label": { "en": "Blue", "nl": "Blauw" } }
              ],
              "next": "ask_note"
            },
            {
              "id": "ask_note", "kind": "input", "type": "text", "maxLength": 40, "variable": "note",
              "question": { "en": "Anything else?", "nl": "Nog iets?" }, "next": "done"
            },
            { "id": "done", "kind": "end", "messages": [{ "en": "Painted {colour}: {note}.", "nl": "Geverfd: {note}." }], "sources": ["prices"] }
          ]
        }
        """

    static let engine: DialogEngine = {
        let folder = ProcessInfo.processInfo.environment["FUZZ_BUNDLE"] ?? "Tests/DialogEngineTests/Fixtures/demo"
        var files = DialogBundle.readFiles(in: URL(fileURLWithPath: folder)).files
        files["flows/paint.json"] = paintFlow
        do throws(BundleLoadError) {
            return DialogEngine(bundle: try DialogBundle.load(files: files), transcriptLimit: 20)
        } catch {
            fatalError("the fuzz bundle at \(folder) does not load: \(DiagnosticRenderer(sources: files).render(error.diagnostics))")
        }
    }()
}
