/// A position in a source file: 1-based line and column (counted in Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars so a caret lines up under non-ASCII text.
    public var column: Int

    /// Creates a location from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
