import Foundation

/// Where the package's own files are, for tests that read them (fixtures, `Dialogs/`, the
/// OpenAPI document, the widget). One definition for every test target.
public enum PackageRoot {
    /// The package folder: two levels up from this file's folder (`Tests/TestSupport/`).
    public static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file or folder inside the package, by its path from the package folder.
    public static func appending(_ path: String) -> URL {
        url.appendingPathComponent(path)
    }
}
