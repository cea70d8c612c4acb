/// One problem found while loading or validating a dialog bundle.
///
/// Diagnostics are data: a stable ``code``, where the problem is, and the words that explain it.
/// ``DiagnosticRenderer`` turns them into compiler-style text.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The bundle cannot be used until this is fixed.
        case error
        /// The bundle works, but probably not as the author meant.
        case warning
    }

    /// The stable code, for example `DLG007`.
    public var code: DiagnosticCode
    /// Whether this blocks the bundle from loading.
    public var severity: Severity
    /// The file, relative to the bundle folder (for example `flows/costs.json`).
    public var file: String
    /// The line and column of the offending value, when the problem has one.
    public var location: SourceLocation?
    /// The JSON path of the offending value (for example `$.nodes[2].next`), when it has one.
    public var path: String?
    /// What is wrong, in one sentence.
    public var message: String
    /// What to do about it, when the engine can tell (for example "did you mean 'ask_insurance'?").
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        code: DiagnosticCode, severity: Severity? = nil, file: String, location: SourceLocation? = nil,
        path: String? = nil, message: String, hint: String? = nil
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.file = file
        self.location = location
        self.path = path
        self.message = message
        self.hint = hint
    }
}

extension Diagnostic: Comparable {
    /// Orders by file, then position, then code, so output is stable and reads top to bottom.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let left = lhs.location ?? SourceLocation(line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(line: 0, column: 0)
        if left != right { return left < right }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}
