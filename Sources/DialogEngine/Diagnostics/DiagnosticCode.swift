/// A stable identifier for a kind of problem in a dialog bundle, such as `DLG007`.
///
/// Codes never change meaning; new ones are added at the end. Each has a one-line ``summary`` and
/// an ``explanation`` (also printed by `second-opinion explain CODE`).
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code as written in diagnostics, for example `DLG007`.
    public var rawValue: String

    /// Creates a code from its written form.
    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// Whether diagnostics with this code are errors or warnings unless stated otherwise.
    public var defaultSeverity: Diagnostic.Severity {
        Self.catalog.first(where: { $0.code == self })?.severity ?? .error
    }

    /// The one-line summary of this code.
    public var summary: String { Self.catalog.first(where: { $0.code == self })?.summary ?? "" }

    /// What the code means and how to fix it.
    public var explanation: String { Self.catalog.first(where: { $0.code == self })?.explanation ?? "" }

    /// Every code the engine can report, in order.
    public static var all: [DiagnosticCode] { catalog.map(\.code) }
}
