import Foundation

/// A broken-bundle test case: edits to the demo bundle and the exact diagnostics they must give.
///
///     # what the case shows
///     == replace flows/hours.json
///     <text to find (first occurrence)>
///     == with
///     <replacement>
///     == delete facts.json
///     == write flows/extra.json
///     <contents>
///     == expected
///     <rendered diagnostics>
struct BrokenBundleFixture {
    enum Edit {
        case replace(file: String, old: String, new: String)
        case delete(file: String)
        case write(file: String, contents: String)
    }

    var edits: [Edit] = []
    var expected = ""
    var header = ""

    init(text: String) throws {
        var sections: [(command: String, body: [Substring])] = []
        var preamble: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("== ") {
                sections.append((String(line.dropFirst(3)), []))
            } else if sections.isEmpty {
                preamble.append(line)
            } else {
                sections[sections.count - 1].body.append(line)
            }
        }
        header = preamble.joined(separator: "\n")
        var index = 0
        func body(_ lines: [Substring]) -> String {
            var lines = lines
            while lines.last == "" { lines.removeLast() }
            return lines.joined(separator: "\n")
        }
        while index < sections.count {
            let (command, lines) = sections[index]
            let words = command.split(separator: " ", maxSplits: 1).map(String.init)
            switch words[0] {
            case "replace":
                guard index + 1 < sections.count, sections[index + 1].command == "with" else {
                    throw FixtureError("'== replace' must be followed by '== with'")
                }
                edits.append(.replace(file: words[1], old: body(lines), new: body(sections[index + 1].body)))
                index += 1
            case "delete": edits.append(.delete(file: words[1]))
            case "write": edits.append(.write(file: words[1], contents: body(lines)))
            case "expected": expected = body(lines)
            default: throw FixtureError("unknown section '\(command)'")
            }
            index += 1
        }
    }

    func apply(to files: [String: String]) throws -> [String: String] {
        var files = files
        for edit in edits {
            switch edit {
            case .replace(let file, let old, let new):
                guard let text = files[file], let range = text.range(of: old) else {
                    throw FixtureError("text to replace not found in \(file)")
                }
                files[file] = text.replacingCharacters(in: range, with: new.isEmpty ? "" : new)
                if new.isEmpty, let newText = files[file] {
                    // Removing whole lines must not leave an empty line behind.
                    files[file] = newText.replacingOccurrences(of: "\n\n", with: "\n")
                }
            case .delete(let file): files[file] = nil
            case .write(let file, let contents): files[file] = contents
            }
        }
        return files
    }

    /// The fixture's text with `expected` replaced, for regenerating expectations on purpose.
    func rewritten(original: String, expected newExpected: String) -> String {
        guard let range = original.range(of: "== expected\n") ?? original.range(of: "== expected") else { return original }
        return String(original[..<range.upperBound]) + (original[range].hasSuffix("\n") ? "" : "\n") + newExpected + "\n"
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
