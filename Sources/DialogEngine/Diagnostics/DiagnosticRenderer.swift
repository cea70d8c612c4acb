#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Renders diagnostics the way compilers do, with the source line and a caret under the column:
///
///     Dialogs/flows/costs.json:42:17: error: DLG007 unknown node 'ask_insurnce' [$.nodes[3].next]
///        "next": "ask_insurnce"
///                ^
///     hint: did you mean 'ask_insurance'?
///
/// Everything shown comes from the bundle, so every line is stripped of escape sequences and
/// control characters before it reaches a terminal.
public struct DiagnosticRenderer: Sendable {
    /// The prefix written before each file name, usually the bundle folder as the author typed it.
    public var pathPrefix: String
    /// The bundle's files by relative path, used to quote the offending line.
    public var sources: [String: String]
    /// The most diagnostics ``render(_:)-([Diagnostic])`` shows per file; one line counts the rest.
    public var maximumPerFile: Int

    /// The default ``maximumPerFile``: more than anyone reads, few enough to print at once.
    public static let defaultMaximumPerFile = 100

    /// Creates a renderer that prefixes file names with `pathPrefix`, quotes lines from `sources`
    /// and shows at most `maximumPerFile` diagnostics per file.
    public init(pathPrefix: String = "", sources: [String: String] = [:], maximumPerFile: Int = DiagnosticRenderer.defaultMaximumPerFile) {
        self.pathPrefix = pathPrefix
        self.sources = sources
        self.maximumPerFile = max(1, maximumPerFile)
    }

    /// The full text of one diagnostic, several lines long, without a trailing newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        let lines = diagnostic.location.flatMap { location in sources[diagnostic.file].map { LineIndex($0) } }
        return render(diagnostic, lines: lines)
    }

    /// All diagnostics, sorted, separated by newlines; after ``maximumPerFile`` diagnostics of one
    /// file, a note says how many more that file has.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output: [String] = []
        var file: String?
        var lines: LineIndex?
        var shownInFile = 0
        var hiddenInFile = 0
        func closeFile() {
            if let file, hiddenInFile > 0 {
                output.append(Self.shown(pathPrefix + file) + ": note: \(hiddenInFile) more problem\(hiddenInFile == 1 ? "" : "s") in this file not shown")
            }
        }
        for diagnostic in diagnostics.sorted() {
            if diagnostic.file != file {
                closeFile()
                file = diagnostic.file
                lines = nil
                shownInFile = 0
                hiddenInFile = 0
            }
            guard shownInFile < maximumPerFile else {
                hiddenInFile += 1
                continue
            }
            shownInFile += 1
            // Lines are indexed once per file, so many diagnostics in one file cost no rescans.
            if lines == nil, diagnostic.location != nil, let text = sources[diagnostic.file] { lines = LineIndex(text) }
            output.append(render(diagnostic, lines: lines))
        }
        closeFile()
        return output.joined(separator: "\n")
    }

    private func render(_ diagnostic: Diagnostic, lines: LineIndex?) -> String {
        var head = pathPrefix + diagnostic.file
        if let location = diagnostic.location { head += ":\(location.line):\(location.column)" }
        head += ": \(diagnostic.severity.rawValue): \(diagnostic.code) \(diagnostic.message)"
        if let path = diagnostic.path { head += " [\(path)]" }
        var shown = [Self.shown(head)]
        if let location = diagnostic.location, let sourceLine = lines?.line(location.line) {
            shown.append(Self.shown(sourceLine.replacingTabs()))
            // The caret sits under the column as shown: tabs widened, control characters gone.
            let before = String(String.UnicodeScalarView(sourceLine.unicodeScalars.prefix(max(0, location.column - 1))))
            let width = Self.shown(Substring(before).replacingTabs()).unicodeScalars.count
            shown.append(String(repeating: " ", count: width) + "^")
        }
        if let hint = diagnostic.hint { shown.append(Self.shown("hint: \(hint)")) }
        return shown.joined(separator: "\n")
    }

    /// Outside text made safe for a terminal line.
    private static func shown(_ text: String) -> String {
        ControlSequences.removed(from: text, keepingLineBreaks: false)
    }

    static func line(_ number: Int, of text: String) -> Substring? {
        LineIndex(text).line(number)
    }
}

/// Where each line of a text starts, found in one pass, so any line can be quoted at once.
struct LineIndex {
    let text: String
    /// The start of each line; the line ends at the next line feed (a carriage return before it
    /// is not part of the line).
    private var starts: [String.Index] = []

    init(_ text: String) {
        self.text = text
        starts.append(text.startIndex)
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == 0x0A { starts.append(next) }
            index = next
        }
    }

    func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        guard number < starts.count else { return text[start...] }
        var end = text.utf8.index(before: starts[number])
        if end > start, text.utf8[text.utf8.index(before: end)] == 0x0D { end = text.utf8.index(before: end) }
        return text[start..<end]
    }
}

extension Substring {
    fileprivate func replacingTabs() -> String {
        replacing(scalar: "\t", with: "    ")
    }
}
