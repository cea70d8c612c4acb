/// Where a definition was written: file, line:column and JSON path. Kept on the model so
/// validation, which runs after loading, can still point at the author's text.
///
/// The path is kept as components and written out only when a diagnostic needs it: a bundle has
/// an origin for nearly every value, and almost none of them is ever reported.
struct Origin: Sendable, Hashable {
    var file: String
    var location: SourceLocation
    var jsonPath: JSONPath

    /// The JSON path as written in diagnostics, e.g. `$.nodes[2].choices[0].next`.
    var path: String { jsonPath.description }

    init(file: String, value: JSONValue) {
        self.file = file
        self.location = value.location
        self.jsonPath = value.path
    }

    init(file: String, location: SourceLocation, path: JSONPath) {
        self.file = file
        self.location = location
        self.jsonPath = path
    }
}
