import ArgumentParser
import DialogEngine
import Foundation

/// `second-opinion test`: plays scripted conversations (`.convo` files) against a bundle.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play scripted conversations against the dialogs and report every check that fails.",
        discussion: "Scripts are .convo files: '> input', '= flow:node', '~ text', '! ended', '+ plan-item', '@ source'. See the README.")

    @OptionGroup var bundle: BundleOptions

    @Argument(help: ArgumentHelp("Script files or folders of scripts.", valueName: "script"))
    var scripts: [String]

    func run() throws {
        let engine = DialogEngine(bundle: try bundle.load())
        var files: [URL] = []
        for path in scripts {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                StandardError.write(TerminalText.inline("error: \(path) does not exist") + "\n")
                throw ExitCode(2)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".convo") }.sorted().map { url.appendingPathComponent($0) }
            } else {
                files.append(url)
            }
        }
        var failed = 0
        var passed = 0
        for file in files {
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                StandardError.write(TerminalText.inline("error: cannot read \(file.path) as UTF-8 text") + "\n")
                failed += 1
                continue
            }
            do {
                let script = try ConversationScript(name: file.path, text: text)
                let failures = script.run(on: engine)
                if failures.isEmpty {
                    passed += 1
                } else {
                    failed += 1
                    for failure in failures { print(TerminalText.sanitized(failure.description)) }
                }
            } catch {
                failed += 1
                print(TerminalText.sanitized(error.description))
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 || files.isEmpty { throw ExitCode(1) }
    }
}
