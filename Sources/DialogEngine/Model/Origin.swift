/// Where a definition was written: file and line:column. Kept on the model so validation,
/// which runs after loading, can still point at the author's text.
///
/// The JSON path is not kept: a bundle has an origin for nearly every value, and almost none of
/// them is ever reported. ``LoadContext`` looks the path up from the file when it reports one.
/// The file is kept as its number in the load's file list (``LoadContext/fileName(of:)``,
/// ``CompiledBundle/fileName(of:)``), so an origin takes 12 bytes: with the file's name in
/// every one, origins were about a tenth of a loaded bundle's memory.
struct Origin: Sendable, Hashable {
    /// The file's place in the file list of the load that made the origin.
    var fileNumber: Int32
    var location: SourceLocation
}
