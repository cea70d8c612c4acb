/// Where a definition was written: file and line:column. Kept on the model so validation,
/// which runs after loading, can still point at the author's text.
///
/// The JSON path is not kept: a bundle has an origin for nearly every value, and almost none of
/// them is ever reported. ``LoadContext`` looks the path up from the file when it reports one.
struct Origin: Sendable, Hashable {
    var file: String
    var location: SourceLocation

    init(file: String, value: JSONValue) {
        self.file = file
        self.location = value.location
    }

    init(file: String, location: SourceLocation) {
        self.file = file
        self.location = location
    }
}
