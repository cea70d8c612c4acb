import DialogEngine
import Foundation
import SecondOpinionDialogs
import TestSupport

/// The built-in bundle and the data files next to these tests.
enum Shipped {
    static let packageRoot = PackageRoot.url
    static let dialogsDirectory = packageRoot.appendingPathComponent("Dialogs")
    static let dataDirectory = PackageRoot.appending("Tests/SecondOpinionDialogsTests/Data")

    /// Loaded (and its classifier trained) once for all tests of this target.
    private static let loaded = Result { try DialogBundle.load(files: SecondOpinionDialogs.files) }

    static func bundle() throws -> DialogBundle {
        try loaded.get()
    }

    static func engine() throws -> DialogEngine {
        DialogEngine(bundle: try bundle())
    }

    /// The labelled messages of a routing file next to these tests.
    static func routingCases(_ name: String) throws -> [RoutingEvaluation.Case] {
        try RoutingEvaluation.parse(String(contentsOf: dataDirectory.appendingPathComponent(name), encoding: .utf8))
    }

    /// Rows of a tab-separated data file, without comments and blank lines.
    static func rows(_ name: String) throws -> [[String]] {
        let text = try String(contentsOf: dataDirectory.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
