import Foundation

/// A loaded and validated set of dialogs: a manifest, flows, facts and sources.
///
/// Load one with ``load(directory:)`` or ``load(files:)``; both check the whole bundle and report
/// every problem at once. A bundle is immutable and can be shared by any number of sessions on
/// any number of threads.
public struct DialogBundle: Sendable {
    let compiled: CompiledBundle

    /// Warnings found while loading (a bundle with errors does not load).
    public let warnings: [Diagnostic]

    /// The bundle's id from its manifest.
    public var id: String { compiled.id }
    /// The bundle's version from its manifest; saved sessions remember it.
    public var version: String { compiled.version }
    /// The languages every text is written in, for example `["nl", "en"]`.
    public var languages: [String] { compiled.languages }
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
        compiled.flows.map { FlowSummary(id: $0.id, titles: $0.title.raw, listed: $0.listed) }
    }

    /// The number of nodes over all flows.
    public var nodeCount: Int { compiled.nodes.count }

    /// Trains the classifier that understands free text now, rather than on the first message
    /// that needs it: for servers that want their first answer as quick as the rest. Training
    /// happens once per loaded bundle, whichever copy asks first.
    public func prepareUnderstanding() {
        _ = compiled.classifier
    }

    init(compiled: CompiledBundle, warnings: [Diagnostic]) {
        self.compiled = compiled
        self.warnings = warnings
    }

    /// Loads a bundle from file contents keyed by path relative to the bundle folder
    /// (`manifest.json`, `flows/costs.json`, ...).
    /// - Throws: ``BundleLoadError`` with every diagnostic when the bundle has errors.
    public static func load(files: [String: String]) throws(BundleLoadError) -> DialogBundle {
        let (compiled, diagnostics) = BundleLoader.load(files: files)
        guard let compiled else { throw BundleLoadError(diagnostics: diagnostics, files: files) }
        return DialogBundle(compiled: compiled, warnings: diagnostics)
    }

    /// Loads a bundle from a folder on disk.
    /// - Throws: ``BundleLoadError`` with every diagnostic when the folder cannot be read or the
    ///   bundle has errors.
    public static func load(directory: URL) throws(BundleLoadError) -> DialogBundle {
        let (files, problems) = readFiles(in: directory)
        if !problems.isEmpty {
            // A missing folder says all there is to say; unreadable files add to what the rest shows.
            let (_, diagnostics) = files.isEmpty ? (nil, []) : BundleLoader.load(files: files)
            throw BundleLoadError(diagnostics: (problems + diagnostics).sorted(), files: files)
        }
        return try load(files: files)
    }

    /// Reads every `.json` file under `directory` that belongs to the bundle, as UTF-8 text.
    /// Files that cannot be read come back as diagnostics.
    public static func readFiles(in directory: URL) -> (files: [String: String], problems: [Diagnostic]) {
        var files: [String: String] = [:]
        var problems: [Diagnostic] = []
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            problems.append(Diagnostic(code: .missingFile, file: "", message: "the bundle folder '\(directory.path)' does not exist",
                                       hint: "pass the folder that holds manifest.json"))
            return (files, problems)
        }
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let relative = String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(root.path.count).drop(while: { $0 == "/" }))
            if BundleLoader.ignoredFolders.contains(where: relative.hasPrefix) { continue }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append(Diagnostic(code: .unreadableFile, file: relative, message: "the file cannot be read", hint: "check its permissions"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(Diagnostic(code: .unreadableFile, file: relative, location: invalidUTF8Location(data),
                                           message: "the file is not valid UTF-8", hint: "save it as UTF-8"))
                continue
            }
            files[relative] = text
        }
        return (files, problems)
    }

    private static func invalidUTF8Location(_ data: Data) -> SourceLocation {
        var line = 1
        var column = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            let end = index + length
            if length == 0 || end > data.endIndex || String(data: data[index..<end], encoding: .utf8) == nil {
                return SourceLocation(line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = end
        }
        return SourceLocation(line: line, column: column)
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
