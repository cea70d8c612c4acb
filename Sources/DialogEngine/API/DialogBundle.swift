internal import CHeapInfo
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A loaded and validated set of dialogs: a manifest, flows, facts and sources.
///
/// Load one with ``load(directory:)`` or ``load(files:)``; both check the whole bundle and report
/// every problem at once. A bundle is immutable and can be shared by any number of sessions on
/// any number of threads.
public struct DialogBundle: Sendable {
    /// The compiled dialogs behind one reference: a bundle (and every engine holding one) is
    /// copied several times per turn, and copying the compiled value itself would retain each of
    /// its thirty-odd arrays and dictionaries every time.
    private final class Storage: Sendable {
        let compiled: CompiledBundle
        init(_ compiled: CompiledBundle) { self.compiled = compiled }
    }

    private let storage: Storage
    var compiled: CompiledBundle { storage.compiled }

    /// Warnings found while loading (a bundle with errors does not load).
    public let warnings: [Diagnostic]

    /// The bundle's id from its manifest.
    public var id: String { compiled.id }
    /// The bundle's version from its manifest; saved sessions remember it.
    public var version: String { compiled.version }
    /// The languages every text is written in, for example `["nl", "en"]`.
    public var languages: [String] { compiled.languages }
    /// Languages the manifest lists under `translating`: their texts are being written, so
    /// they are not offered to people yet.
    public var translating: [String] { compiled.translating }
    /// The language used when none is asked for.
    public var defaultLanguage: String { compiled.defaultLanguage }

    /// A short description of one flow, for menus and completion.
    public struct FlowSummary: Sendable, Hashable {
        /// The flow's id, for example `costs`.
        public var id: String
        /// The flow's title per language.
        public var titles: [String: String]
        /// Whether the flow is listed as a topic.
        public var listed: Bool
    }

    /// Every flow, in file order.
    public var flows: [FlowSummary] {
        compiled.flows.map { FlowSummary(id: $0.id, titles: $0.title.rawByLanguage, listed: $0.listed) }
    }

    /// The number of nodes over all flows.
    public var nodeCount: Int { compiled.nodes.count }

    /// The words of `language` (messages for front ends, number format): the engine's pack with
    /// the bundle's `languages/` file laid over it; English for a language the bundle lacks.
    public func languagePack(for language: String) -> LanguagePack { compiled.pack(language) }

    /// The words a language has so far, when it is being translated (see ``translating``): the
    /// engine's, with the bundle's file laid over them; nil when neither has any.
    package func packSoFar(for language: String) -> LanguagePack? {
        compiled.packsSoFar[language]
    }

    /// The command a word names in a conversation in `language` (`help`, `save`, …), with
    /// the words of the languages it also understands.
    package func command(named word: String, language: String) -> String? {
        compiled.words(language).commandNames[word]
    }

    /// Trains the classifier that understands free text now, rather than on the first message
    /// that needs it: for servers that want their first answer as quick as the rest. Training
    /// happens once per loaded bundle, whichever copy asks first.
    public func prepareUnderstanding() {
        _ = compiled.classifier
    }

    init(compiled: CompiledBundle, warnings: [Diagnostic]) {
        storage = Storage(compiled)
        self.warnings = warnings
    }

    /// Loads a bundle from file contents keyed by path relative to the bundle folder
    /// (`manifest.json`, `flows/costs.json`, ...).
    ///
    /// Reading and checking take far more memory than the bundle keeps. On glibc that memory is
    /// given back to the system before this returns (`malloc_trim`, which looks at the whole
    /// process's heap: about a millisecond after loading 10,000 questions).
    /// - Parameter readability: the sentence and text lengths above which ``warnings`` say a text
    ///   is hard to read.
    /// - Throws: ``BundleLoadError`` with every diagnostic when the bundle has errors.
    public static func load(files: [String: String], readability: ReadabilityLimits = ReadabilityLimits()) throws(BundleLoadError) -> DialogBundle {
        // After the loader has returned, so that everything it allocated is free by then.
        defer { heap_release_free_memory() }
        return try compile(files: files, readability: readability)
    }

    private static func compile(files: [String: String], readability: ReadabilityLimits) throws(BundleLoadError) -> DialogBundle {
        let (compiled, diagnostics) = BundleLoader.load(files: files, readability: readability)
        guard let compiled else { throw BundleLoadError(diagnostics: diagnostics, files: files) }
        return DialogBundle(compiled: compiled, warnings: diagnostics)
    }

    /// Loads a bundle from a folder on disk. As with ``load(files:readability:)``, the memory
    /// reading took is given back to the system before this returns.
    /// - Throws: ``BundleLoadError`` with every diagnostic when the folder cannot be read or the
    ///   bundle has errors.
    public static func load(directory: URL) throws(BundleLoadError) -> DialogBundle {
        // After the files are released too: the JSON text is freed only once reading returns.
        defer { heap_release_free_memory() }
        return try read(directory: directory)
    }

    private static func read(directory: URL) throws(BundleLoadError) -> DialogBundle {
        let (files, problems) = readFiles(in: directory)
        if !problems.isEmpty {
            // A missing folder says all there is to say; unreadable files add to what the rest shows.
            let (_, diagnostics) = files.isEmpty ? (nil, []) : BundleLoader.load(files: files)
            throw BundleLoadError(diagnostics: (problems + diagnostics).sorted(), files: files)
        }
        return try compile(files: files, readability: ReadabilityLimits())
    }

    /// Reads every `.json` file under `directory` that belongs to the bundle, as UTF-8 text, keyed
    /// by its path inside the bundle (links are followed; the name is where the link sits). Files
    /// that cannot be read, and things that are not files, come back as diagnostics.
    package static func readFiles(in directory: URL) -> (files: [String: String], problems: [Diagnostic]) {
        BundleFolderReader.read(directory)
    }
}

/// The diagnostics that kept a bundle from loading, with the file contents needed to quote them.
public struct BundleLoadError: Error, Sendable {
    /// Every problem found, errors and warnings, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// The bundle's files, for ``DiagnosticRenderer``.
    public var files: [String: String]

    /// Creates an error from diagnostics and the files they point into.
    public init(diagnostics: [Diagnostic], files: [String: String]) {
        self.diagnostics = diagnostics
        self.files = files
    }

    /// The number of errors (not warnings).
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}
