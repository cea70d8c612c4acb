import Foundation

/// Renders diagnostics the way compilers do, with the source line and a caret under the column:
///
///     Dialogs/flows/costs.json:42:17: error: DLG007 unknown node 'ask_insurnce' [$.nodes[3].next]
///        "next": "ask_insurnce"
///                ^
///     hint: did you mean 'ask_insurance'?
public struct DiagnosticRenderer: Sendable {
    /// The prefix written before each file name, usually the bundle folder as the author typed it.
    public var pathPrefix: String
    /// The bundle's files by relative path, used to quote the offending line.
    public var sources: [String: String]

    /// Creates a renderer that prefixes file names with `pathPrefix` and quotes lines from `sources`.
    public init(pathPrefix: String = "", sources: [String: String] = [:]) {
        self.pathPrefix = pathPrefix
        self.sources = sources
    }

    /// The full text of one diagnostic, several lines long, without a trailing newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var head = pathPrefix + diagnostic.file
        if let location = diagnostic.location { head += ":\(location.line):\(location.column)" }
        head += ": \(diagnostic.severity.rawValue): \(diagnostic.code) \(diagnostic.message)"
        if let path = diagnostic.path { head += " [\(path)]" }
        var lines = [head]
        if let location = diagnostic.location, let text = sources[diagnostic.file],
           let sourceLine = Self.line(location.line, of: text) {
            let shown = sourceLine.replacingTabs()
            lines.append(shown)
            let prefix = sourceLine.unicodeScalars.prefix(max(0, location.column - 1))
            let padding = prefix.map { $0 == "\t" ? "    " : " " }.joined()
            lines.append(padding + "^")
        }
        if let hint = diagnostic.hint { lines.append("hint: \(hint)") }
        return lines.joined(separator: "\n")
    }

    /// All diagnostics, sorted, separated by newlines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted().map(render).joined(separator: "\n")
    }

    static func line(_ number: Int, of text: String) -> Substring? {
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                if current == number { return text[start..<index] }
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return current == number ? text[start..<text.endIndex] : nil
    }
}

extension Substring {
    fileprivate func replacingTabs() -> String {
        String(self).replacingOccurrences(of: "\t", with: "    ")
    }
}
