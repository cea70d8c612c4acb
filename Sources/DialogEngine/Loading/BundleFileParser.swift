/// Parses a bundle's files as JSON, reporting syntax errors and remembering which kinds of file
/// could not be read, so later checks stay quiet about what those files might have declared.
struct BundleFileParser {
    let files: [String: String]
    let context: LoadContext
    /// The bundle's flow files and language packs, in path order.
    let flowFiles: [String]
    let languageFiles: [String]

    init(files: [String: String], context: LoadContext) {
        self.files = files
        self.context = context
        flowFiles = files.keys.filter { $0.hasPrefix("flows/") && $0.hasSuffix(".json") }.sorted()
        languageFiles = files.keys.filter { $0.hasPrefix(LanguagePackLoader.folder) && $0.hasSuffix(".json") }.sorted()
    }

    func parse(_ path: String) -> JSONValue? {
        let kind = path.hasPrefix("flows/") ? "flow" : String(path.dropLast(6))  // "facts.json" -> "fact"
        guard let text = files[path] else {
            context.unavailable.insert(kind)
            return nil
        }
        do throws(JSONSyntaxError) {
            return try JSONReader.parse(text)
        } catch {
            context.unavailable.insert(kind)
            context.reportFile(.invalidJSON(error.message), file: path, location: error.location)
            return nil
        }
    }
}
