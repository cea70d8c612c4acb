/// Reads, links and validates every file of a bundle, collecting all problems at once.
enum BundleLoader {
    /// Folders inside a bundle that hold no dialog content (editor schemas, author test scripts).
    static let ignoredFolders = ["schemas/", "tests/"]

    static func load(files: [String: String], readability: ReadabilityLimits = ReadabilityLimits()) -> (bundle: CompiledBundle?, diagnostics: [Diagnostic]) {
        let context = LoadContext()
        context.readability = readability
        context.sources = files
        let parser = BundleFileParser(files: files, context: context)
        reportMissingFiles(parser)
        guard let manifestJSON = parser.parse(ManifestLoader.file),
              let manifest = ManifestLoader.load(manifestJSON, context: context) else {
            // Without languages no text can be checked; report what the other files' syntax says.
            for path in [SourcesLoader.file, FactsLoader.file] + parser.flowFiles + parser.languageFiles { _ = parser.parse(path) }
            if files[HandoffLoader.file] != nil { _ = parser.parse(HandoffLoader.file) }
            return (nil, context.diagnostics.sorted())
        }
        // The read bundle goes straight into the linker, so that linking edits its arrays in
        // place instead of copying what another reference still shares.
        var linker = Linker(context: context, bundle: read(manifest, parser))
        linker.link()
        var bundle = linker.bundle
        resolveEntryAndMenu(of: manifest, in: &bundle, context: context)
        validate(&bundle, context: context)
        bundle.referencesByLanguage = bundle.languages.map { language in
            (language, bundle.sources.mapValues { bundle.reference(to: $0, language: language) })
        }
        // Set again, in case a check after reading made an origin in a file no loader read.
        bundle.fileNames = context.fileNames
        // The same problem found once per language is reported once.
        var seen = Set<Diagnostic>()
        let diagnostics = context.diagnostics.sorted().filter { seen.insert($0).inserted }
        return (context.hasErrors ? nil : bundle, diagnostics)
    }

    private static func reportMissingFiles(_ parser: BundleFileParser) {
        for required in [ManifestLoader.file, SourcesLoader.file, FactsLoader.file] where parser.files[required] == nil {
            parser.context.reportFile(.missingFile(required), file: required)
        }
        if parser.flowFiles.isEmpty {
            parser.context.reportFile(.noFlows, file: "flows/")
        }
    }

    /// Every file loaded by its kind's loader, not yet linked.
    private static func read(_ manifest: Manifest, _ parser: BundleFileParser) -> CompiledBundle {
        let context = parser.context
        let sources = parser.parse(SourcesLoader.file).map { SourcesLoader.load($0, context: context) } ?? [:]
        let facts = parser.parse(FactsLoader.file).map { FactsLoader.load($0, context: context) } ?? [:]
        let handoff = parser.files[HandoffLoader.file] == nil ? nil : parser.parse(HandoffLoader.file).flatMap { HandoffLoader.load($0, context: context) }
        let (flows, nodes, declarations) = readFlows(parser)
        var bundle = CompiledBundle(
            id: manifest.id, version: manifest.version, title: manifest.title, languages: manifest.languages,
            defaultLanguage: manifest.defaultLanguage, entryFlow: -1, menuNode: -1, flows: flows, nodes: nodes,
            variables: variables(declarations, context: context), sources: sources, facts: facts, interrupts: manifest.interrupts,
            outOfScopeExamples: manifest.outOfScope, outOfScopeOrigins: manifest.outOfScopeOrigins, handoff: handoff)
        bundle.translating = manifest.translating
        // Before linking: fact values in texts are written with each language's numbers.
        let packs = LanguagePackLoader.packs(files: parser.files, languages: manifest.languages,
                                             declaredAt: manifest.languageOrigins, parse: parser.parse, context: context)
        bundle.languagePacks = packs.filter { manifest.languages.contains($0.key) }
        bundle.packsSoFar = packs.filter { manifest.translating.contains($0.key) }
        // Every file has been read: linking and validation copy the bundle and read origins.
        bundle.fileNames = context.fileNames
        return bundle
    }

    private static func readFlows(_ parser: BundleFileParser) -> (flows: [Flow], nodes: [Node], declarations: [VariableDeclaration]) {
        let context = parser.context
        var flows: [Flow] = []
        var nodes: [Node] = []
        var declarations: [VariableDeclaration] = []
        var flowOrigins: [String: Origin] = [:]
        for path in parser.flowFiles {
            guard let json = parser.parse(path) else { continue }
            let loader = FlowLoader(file: path, context: context, flowIndex: flows.count, flowID: json["id"]?.string)
            let firstNode = nodes.count
            let firstDeclaration = declarations.count
            guard let flow = loader.load(json, nodes: &nodes, variables: &declarations) else {
                context.unavailable.insert("flow:\(json["id"]?.string ?? "")")
                nodes.removeSubrange(firstNode...)
                continue
            }
            if let previous = flowOrigins[flow.id] {
                // At the copy's id, naming both files; its nodes and variables are dropped with it, so
                // they do not come back as "declared twice" errors.
                let at = json["id"].map { context.origin(path, $0) } ?? flow.origin
                context.report(.flowInTwoFiles(flow.id, first: context.fileName(of: previous), second: path), at: at)
                nodes.removeSubrange(firstNode...)
                declarations.removeSubrange(firstDeclaration...)
                continue
            }
            flowOrigins[flow.id] = flow.origin
            flows.append(flow)
        }
        // Grown by doubling, the bundle's largest array would keep up to half of itself unused
        // for as long as the bundle lives; one copy now is cheaper than sizing it file by file.
        if nodes.capacity - nodes.count > nodes.count / 8 {
            var compact: [Node] = []
            compact.reserveCapacity(nodes.count)
            compact.append(contentsOf: nodes)
            nodes = compact
        }
        return (flows, nodes, declarations)
    }

    /// Variables are shared by all flows: each name is declared once.
    private static func variables(_ declarations: [VariableDeclaration], context: LoadContext) -> [String: VariableDeclaration] {
        var variables: [String: VariableDeclaration] = [:]
        for declaration in declarations {
            if let previous = variables[declaration.name] {
                context.report(.variableDeclaredTwice(declaration.name, firstFile: context.fileName(of: previous.origin), firstLine: previous.origin.location.line),
                               at: declaration.origin)
                continue
            }
            variables[declaration.name] = declaration
        }
        return variables
    }

    private static func resolveEntryAndMenu(of manifest: Manifest, in bundle: inout CompiledBundle, context: LoadContext) {
        if let entry = bundle.flowIndex[manifest.entry.written] {
            bundle.entryFlow = entry
        } else {
            context.report(.unknownEntryFlow(manifest.entry.written, suggestion: Suggestion.closest(to: manifest.entry.written, among: bundle.flowIndex.keys)),
                           at: manifest.entry.origin)
        }
        if let flowID = manifest.menu.flow, let menu = bundle.node(flow: flowID, id: manifest.menu.node) {
            bundle.menuNode = menu
            if !bundle.nodes[menu].waitsForInput {
                context.report(.menuNotAQuestion(manifest.menu.written), at: manifest.menu.origin)
            }
        } else if manifest.menu.flow != nil {
            context.report(.unknownMenuNode(manifest.menu.written, suggestion: Suggestion.closest(to: manifest.menu.written, among: bundle.nodeIndex.keys)),
                           at: manifest.menu.origin)
        }
    }

    /// The checks that need a whole, linked bundle. With unresolved references they would only
    /// add noise, so they run only on a bundle without errors so far.
    private static func validate(_ bundle: inout CompiledBundle, context: LoadContext) {
        if !context.hasErrors {
            bundle.reachable = GraphValidator(bundle: bundle, context: context).validate()
        }
        if !context.hasErrors {
            ExampleChecker(bundle: bundle, context: context).check()
            let linked = bundle
            bundle.understanding = TrainedOnFirstUse { TopicClassifier.train(linked) }
        }
    }
}
