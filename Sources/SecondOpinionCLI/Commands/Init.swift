import ArgumentParser
import Foundation
import SecondOpinionDialogs

/// `second-opinion init DIR`: a small, complete bundle to start from.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new dialog bundle: manifest, sources, facts, two flows, a test script, the JSON Schemas and a README.",
        discussion: "The bundle validates with 'second-opinion validate --strict DIR' and its test passes with 'second-opinion test --dialogs DIR DIR/tests'.")

    @Argument(help: ArgumentHelp("The folder to create (it must not exist or be empty).", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The bundle's languages, the first being the default: \(BundleSkeleton.Texts.languages.joined(separator: ", ")). Add others afterwards with 'translate export' and 'translate import'.", valueName: "codes"))
    var languages = "nl,en"

    func validate() throws {
        let codes = languageCodes
        guard !codes.isEmpty, codes.allSatisfy({ $0.count >= 2 && $0.allSatisfy { $0.isLetter && $0.isASCII } }), Set(codes).count == codes.count else {
            throw ValidationError("--languages takes distinct language codes separated by commas, such as nl,en")
        }
        let writable = BundleSkeleton.Texts.languages
        if let other = codes.first(where: { !writable.contains($0) }) {
            // A bundle with texts that only look translated would validate and mislead; the
            // translation round trip adds a language with real texts and its language pack.
            throw ValidationError("init writes its texts in \(writable.joined(separator: " and ")), not in '\(other)'. Create the bundle in "
                                  + "those, then add '\(other)' with 'second-opinion translate export --to \(other)' and 'translate import' "
                                  + "(docs/authoring.md, \"Adding a language\").")
        }
    }

    private var languageCodes: [String] {
        languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    func run() throws {
        let root = URL(fileURLWithPath: directory)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        guard existing.isEmpty else {
            StandardError.write("error: \(directory) already holds files; init only writes into a new or empty folder\n")
            throw ExitCode(2)
        }
        let name = Self.identifier(from: root.standardizedFileURL.lastPathComponent)
        guard let skeleton = BundleSkeleton(id: name, languages: languageCodes, checked: Self.today()) else {
            throw ValidationError("init writes its texts in \(BundleSkeleton.Texts.languages.joined(separator: " and ")) only")
        }
        var files = skeleton.files
        for (path, text) in SecondOpinionDialogs.files where path.hasPrefix("schemas/") {
            files[path] = text
        }
        do {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
        } catch {
            StandardError.write("error: cannot write the bundle into \(directory): \(error.localizedDescription)\n")
            throw ExitCode(1)
        }
        print("""
            Created the bundle '\(name)' in \(directory) (\(languageCodes.joined(separator: ", "))).
            Check it:  second-opinion validate --strict \(directory)
            Test it:   second-opinion test --dialogs \(directory) \(directory)/tests
            Try it:    second-opinion chat --dialogs \(directory)
            """)
    }

    /// The folder's name as a bundle id: lower-case letters, digits, '_' and '-', starting with a letter.
    static func identifier(from folder: String) -> String {
        let kept = folder.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "-" }
        let id = String(kept.drop { !$0.isLetter })
        return id.isEmpty ? "my-bundle" : id
    }

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
