/// Changes a JSON file's text in place, at the positions its reader reported, so that all the
/// rest (formatting, key order, `$comment`s) stays exactly as the author wrote it.
struct JSONEditor {
    private(set) var scalars: [Unicode.Scalar]
    /// Where each line starts, as an offset into `scalars`.
    private let lineStarts: [Int]
    private var edits: [(start: Int, end: Int, text: String)] = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The text with every edit made.
    var text: String {
        var result = scalars
        // From the end backwards, so earlier offsets stay valid; edits at one offset keep their order.
        for edit in edits.enumerated().sorted(by: { ($0.element.start, $0.offset) > ($1.element.start, $1.offset) }).map(\.element) {
            result.replaceSubrange(edit.start..<edit.end, with: Array(edit.text.unicodeScalars))
        }
        var string = String.UnicodeScalarView()
        string.append(contentsOf: result)
        return String(string)
    }

    var hasEdits: Bool { !edits.isEmpty }

    func offset(of location: SourceLocation) -> Int { lineStarts[location.line - 1] + location.column - 1 }

    /// The offset just after the value that starts at `start`.
    func end(ofValueAt start: Int) -> Int {
        var position = start
        var depth = 0
        var inString = false
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            if inString {
                if scalar == "\\" { position += 1 } else if scalar == "\"" {
                    inString = false
                    if depth == 0 { return position }
                }
                continue
            }
            switch scalar {
            case "\"": inString = true
            case "[", "{": depth += 1
            case "]", "}":
                if depth == 0 { return position - 1 }
                depth -= 1
                if depth == 0 { return position }
            case ",", " ", "\n", "\t", "\r":
                if depth == 0 { return position - 1 }
            default: continue
            }
        }
        return position
    }

    /// The indentation of the line `location` is on.
    func indentation(at location: SourceLocation) -> String {
        let start = lineStarts[location.line - 1]
        var end = start
        while end < scalars.count, scalars[end] == " " || scalars[end] == "\t" { end += 1 }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        return String(text)
    }

    mutating func replace(_ value: JSONValue, with text: String) {
        let start = offset(of: value.location)
        edits.append((start, end(ofValueAt: start), text))
    }

    /// Adds `"key": value` after `member`, inline when the object is written on one line, else
    /// on a line of its own indented like `member`.
    mutating func insert(key: String, value text: String, after member: JSONValue.Member, in object: JSONValue) {
        let end = end(ofValueAt: offset(of: member.value.location))
        let entry = JSONText.string(key) + ": " + text
        if object.location.line == member.keyLocation.line {
            edits.append((end, end, ", " + entry))
        } else {
            edits.append((end, end, ",\n" + indentation(at: member.keyLocation) + entry))
        }
    }

    /// Removes a member that follows another one, with the comma and space before it.
    mutating func remove(_ member: JSONValue.Member, after previous: JSONValue.Member) {
        let start = end(ofValueAt: offset(of: previous.value.location))
        edits.append((start, end(ofValueAt: offset(of: member.value.location)), ""))
    }

    /// Adds `element` after the last element of a non-empty `array`, inline or on its own line as the others are.
    mutating func append(_ text: String, to array: JSONValue) {
        guard let last = array.elements?.last else { return }
        let end = end(ofValueAt: offset(of: last.location))
        if array.location.line == last.location.line {
            edits.append((end, end, ", " + text))
        } else {
            edits.append((end, end, ",\n" + indentation(at: last.location) + text))
        }
    }
}
