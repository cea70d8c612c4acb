/// Where a definition was written: file, line:column and JSON path. Kept on the model so
/// validation, which runs after loading, can still point at the author's text.
struct Origin: Sendable, Hashable {
    var file: String
    var location: SourceLocation
    var path: String

    init(file: String, value: JSONValue) {
        self.file = file
        self.location = value.location
        self.path = value.path.description
    }

    init(file: String, location: SourceLocation, path: String) {
        self.file = file
        self.location = location
        self.path = path
    }
}
