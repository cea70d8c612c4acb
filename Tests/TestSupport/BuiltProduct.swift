import Foundation

/// Executables the package builds, found beside the running test bundle.
public enum BuiltProduct {
    /// The executable `name` next to the test bundle (`.build/<triple>/debug/`), or in
    /// `.build/debug/` of the package when the bundle lives elsewhere.
    public static func url(named name: String) -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return PackageRoot.appending(".build/debug/\(name)")
    }
}
