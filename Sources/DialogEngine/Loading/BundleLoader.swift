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
        var bundle = read(manifest, parser)
        var linker = Linker(context: context, bundle: bundle)
        linker.link()
        bundle = linker.bundle
        resolveEntryAndMenu(of: manifest, in: &bundle, context: context)
        validate(&bundle, context: context)
        // The same problem found once per language is reported once.
        var seen = Set<Diagnostic>()
        let diagnostics = context.diagnostics.sorted().filter { seen.insert($0).inserted }
        return (context.hasErrors ? nil : bundle, diagnostics)
    }

    private static func reportMissingFiles(_ parser: BundleFileParser) {
        for required in [ManifestLoader.file, SourcesLoader.file, FactsLoader.file] where parser.files[required] == nil {
            parser.context.reportFile(.missingFile, "the bundle has no \(required)", file: required,
                                      hint: required == ManifestLoader.file ? "create manifest.json with id, version, languages, defaultLanguage, entry and menu" : "create \(required) (it may be empty: {\"\(required.dropLast(5))\": {}})")
        }
        if parser.flowFiles.isEmpty {
            parser.context.reportFile(.missingFile, "the bundle has no flows", file: "flows/", hint: "add at least one flow file under flows/")
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
                let at = json["id"].map { Origin(file: path, value: $0) } ?? flow.origin
                context.report(.duplicateID, "flow id '\(flow.id)' is used by two files: \(previous.file) and \(path)", at: at,
                               hint: "each flow needs its own id: rename this one, or remove the copy")
                nodes.removeSubrange(firstNode...)
                declarations.removeSubrange(firstDeclaration...)
                continue
            }
            flowOrigins[flow.id] = flow.origin
            flows.append(flow)
        }
        return (flows, nodes, declarations)
    }

    /// Variables are shared by all flows: each name is declared once.
    private static func variables(_ declarations: [VariableDeclaration], context: LoadContext) -> [String: VariableDeclaration] {
        var variables: [String: VariableDeclaration] = [:]
        for declaration in declarations {
            if let previous = variables[declaration.name] {
                context.report(.duplicateID, "variable '\(declaration.name)' is declared twice", at: declaration.origin,
                               hint: "variables are shared by all flows; the first declaration is in \(previous.origin.file) line \(previous.origin.location.line)")
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
            context.report(.unknownFlow, "the entry flow '\(manifest.entry.written)' does not exist", at: manifest.entry.origin,
                           hint: Suggestion.hint(for: manifest.entry.written, among: bundle.flowIndex.keys))
        }
        if let flowID = manifest.menu.flow, let menu = bundle.node(flow: flowID, id: manifest.menu.node) {
            bundle.menuNode = menu
            if !bundle.nodes[menu].waitsForInput {
                context.report(.invalidValue, "the menu '\(manifest.menu.written)' must be an ask node", at: manifest.menu.origin)
            }
        } else if manifest.menu.flow != nil {
            context.report(.unknownNode, "the menu node '\(manifest.menu.written)' does not exist", at: manifest.menu.origin,
                           hint: Suggestion.hint(for: manifest.menu.written, among: bundle.nodeIndex.keys))
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
