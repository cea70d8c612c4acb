import ArgumentParser
import DialogEngine
import Foundation

/// `second-opinion test`: plays scripted conversations (`.convo` files) against a bundle.
struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Play scripted conversations against the dialogs and report every check that fails.",
        discussion: "Scripts are .convo files: '> input', '= flow:node', '~ text', '! not: text', '! ended', '+ plan-item', '@ source', '# comment'. See the README.")

    @OptionGroup var bundle: BundleOptions

    @Flag(help: "Report which nodes, choices and branch arms the scripts reached, per flow, and list the rest.")
    var coverage = false

    @Option(help: ArgumentHelp("Write the coverage report as JSON to this file.", valueName: "file"))
    var coverageJSON: String?

    @Option(help: ArgumentHelp("Fail when the scripts reach less than this percentage of nodes, choices and branch arms.", valueName: "pct"))
    var minCoverage: Double?

    @Argument(help: ArgumentHelp("Script files or folders of scripts.", valueName: "script"))
    var scripts: [String]

    func run() throws {
        let dialogs = try bundle.load()
        let engine = DialogEngine(bundle: dialogs)
        let files = try scriptFiles()
        var covered = DialogCoverage(graph: dialogs.graph())
        var failed = 0
        var passed = 0
        var foreignFlows: [String] = []
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
                let problems = script.problems(in: dialogs)
                if !problems.isEmpty {
                    failed += 1
                    for problem in problems { print(TerminalText.sanitized(problem.description)) }
                    foreignFlows += script.namedFlows.filter { flow in
                        !dialogs.flows.contains { $0.id == flow } && !foreignFlows.contains(flow)
                    }
                } else if let failure = script.run(on: engine, coverage: &covered) {
                    failed += 1
                    print(TerminalText.sanitized(failure.description))
                } else {
                    passed += 1
                }
            } catch {
                failed += 1
                print(TerminalText.sanitized(error.description))
            }
        }
        if bundle.dialogs == nil && !foreignFlows.isEmpty {
            // The scripts were most likely written for another bundle and --dialogs was forgotten.
            StandardError.write("warning: the scripts name flows the built-in dialogs do not have (\(foreignFlows.joined(separator: ", "))); pass --dialogs DIR to test another bundle\n")
        }
        print("\(passed) passed, \(failed) failed")
        let prefix = try bundle.files().prefix
        if coverage || minCoverage != nil { print(CoverageReport.text(covered, pathPrefix: prefix), terminator: "") }
        if let coverageJSON {
            do {
                try CoverageReport.json(covered, pathPrefix: prefix).write(to: URL(fileURLWithPath: coverageJSON), options: .atomic)
            } catch {
                StandardError.write("error: cannot write \(coverageJSON)\n")
                throw ExitCode(2)
            }
        }
        if failed > 0 || files.isEmpty { throw ExitCode(1) }
        if let minCoverage, covered.fraction * 100 < minCoverage {
            StandardError.write("error: the scripts reach \(CoverageReport.percent(covered.fraction))% of the dialogs, below the minimum of \(minCoverage.formatted())%\n")
            throw ExitCode(1)
        }
    }

    /// The script files named, with folders opened to their `.convo` files in name order.
    private func scriptFiles() throws -> [URL] {
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
        return files
    }
}
