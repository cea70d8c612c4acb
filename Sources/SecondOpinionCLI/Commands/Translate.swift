import ArgumentParser
import DialogEngine
import Foundation

/// `second-opinion translate`: the bundle's texts out to a translator as XLIFF 2.0, and back in.
struct Translate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Send the bundle's texts to a translator as XLIFF 2.0 and write the translation back.",
        subcommands: [Export.self, Import.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every text in the bundle's default language, with the target language where the bundle has it, as XLIFF 2.0.")

        @OptionGroup var bundle: BundleOptions

        @Option(help: ArgumentHelp("The language to translate into, such as de.", valueName: "code"))
        var to: String

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        func run() throws {
            let dialogs = try bundle.load()
            let target = to.lowercased()
            guard target.count >= 2, target.count <= 3, target.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw ValidationError("--to must be a language code such as de, not '\(to)'")
            }
            guard target != dialogs.defaultLanguage else {
                throw ValidationError("--to must differ from the bundle's default language '\(dialogs.defaultLanguage)', which the texts are exported in")
            }
            let catalog = TranslationCatalog(bundle: dialogs, files: try bundle.files().files, targetLanguage: target)
            let document = XLIFFDocument.render(catalog)
            guard let output else {
                print(document, terminator: "")
                return
            }
            do throws(SafeFile.Failure) {
                try SafeFile.write(Data(document.utf8), to: output)
            } catch {
                StandardError.write(TerminalText.inline("error: cannot write \(output): \(error.reason(in: dialogs.languagePack(for: "en")))") + "\n")
                throw ExitCode(1)
            }
            let done = catalog.units.filter { $0.target != nil }.count
            StandardError.write(TerminalText.inline("Wrote \(catalog.units.count) texts (\(done) already in '\(target)') to \(output).") + "\n")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Write the translations of an XLIFF 2.0 file into the bundle's JSON files, changing nothing else in them.")

        @OptionGroup var bundle: BundleOptions

        @Argument(help: ArgumentHelp("The translated XLIFF file.", valueName: "file"))
        var file: String

        /// A translation file larger than this is not a bundle's.
        static let maximumSize = 64 << 20

        func run() throws {
            guard let folder = bundle.dialogs else {
                throw ValidationError("translate import writes into a bundle folder: pass --dialogs DIR")
            }
            let dialogs = try bundle.load()
            let english = dialogs.languagePack(for: "en")
            let files = try bundle.files().files
            let read = try readTranslation(for: dialogs, english: english)
            let catalog = TranslationCatalog(bundle: dialogs, files: files, targetLanguage: read.targetLanguage)
            let problems = catalog.check(read.translations)
            guard problems.isEmpty else {
                for problem in problems { StandardError.write(TerminalText.inline("\(file):\(problem)") + "\n") }
                StandardError.write("\(problems.count) problem(s); nothing was written.\n")
                throw ExitCode(1)
            }
            let changed = catalog.apply(read.translations, to: files, bundle: dialogs)
            try checkLoads(files.merging(changed) { $1 }, folder: folder)
            try write(changed, into: folder, english: english)
            let names = changed.keys.sorted()
            print("Imported \(read.translations.count) texts in '\(read.targetLanguage)'; " + (names.isEmpty ? "no file changed." : "changed \(names.joined(separator: ", "))."))
            if !dialogs.languages.contains(read.targetLanguage) {
                printProgress(of: read.targetLanguage, missing: catalog.missing(with: read.translations).count, of: catalog.units.count)
            }
        }

        /// The XLIFF file, once it is known to translate from the bundle's default language.
        private func readTranslation(for dialogs: DialogBundle, english: LanguagePack) throws -> XLIFFReader.Result {
            let data: Data
            do throws(SafeFile.Failure) {
                data = try SafeFile.read(file, limit: Self.maximumSize)
            } catch {
                StandardError.write(TerminalText.inline("error: cannot read \(file): \(error.reason(in: english))") + "\n")
                throw ExitCode(1)
            }
            let read: XLIFFReader.Result
            do throws(TranslationError) {
                read = try XLIFFReader.read(data)
            } catch {
                StandardError.write(TerminalText.inline("\(file):\(error)") + "\n")
                throw ExitCode(1)
            }
            guard read.sourceLanguage == dialogs.defaultLanguage else {
                StandardError.write(TerminalText.inline("\(file): error: the texts were exported from '\(read.sourceLanguage)', but the bundle's default language is '\(dialogs.defaultLanguage)'") + "\n")
                throw ExitCode(1)
            }
            return read
        }

        /// The translated bundle must load before any file is touched: a half translation
        /// would leave the folder unusable.
        private func checkLoads(_ files: [String: String], folder: String) throws {
            do throws(BundleLoadError) {
                _ = try DialogBundle.load(files: files)
            } catch {
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                StandardError.write(DiagnosticRenderer(pathPrefix: prefix, sources: files).render(error.diagnostics) + "\n")
                StandardError.write("With this translation the dialogs would have \(error.errorCount) error(s); nothing was written.\n")
                throw ExitCode(1)
            }
        }

        private func write(_ changed: [String: String], into folder: String, english: LanguagePack) throws {
            for (path, text) in changed.sorted(by: { $0.key < $1.key }) {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
                // A new language pack's folder; a failure shows as the write's own error below.
                try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                do throws(SafeFile.Failure) {
                    try SafeFile.write(Data(text.utf8), to: url.path)
                } catch {
                    StandardError.write(TerminalText.inline("error: cannot write \(url.path): \(error.reason(in: english))") + "\n")
                    throw ExitCode(1)
                }
            }
        }

        private func printProgress(of language: String, missing: Int, of total: Int) {
            if missing == 0 {
                print("'\(language)' is complete: it is now one of the bundle's languages.")
            } else {
                print("""
                    \(missing) of \(total) texts have no '\(language)' translation yet, so '\(language)' stays under \
                    "translating" in manifest.json and people cannot choose it. Export again to get the rest \
                    (second-opinion translate export --to \(language)); once every text has a translation, \
                    import moves '\(language)' to "languages".
                    """)
            }
        }
    }
}
