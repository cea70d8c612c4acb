/// Where each value and member name of a parsed document starts, with its JSON path, in the
/// order written. Values and origins keep only their location; the path of a diagnostic is
/// looked up here when it is reported, so loading builds no path for the many values that
/// never are.
struct JSONPathTable {
    private var starts: [SourceLocation] = []
    private var paths: [JSONPath] = []

    init(_ root: JSONValue) {
        add(root, path: .root)
    }

    private mutating func add(_ value: JSONValue, path: JSONPath) {
        starts.append(value.location)
        paths.append(path)
        switch value.kind {
        case .object(let members):
            for member in members {
                // A member's name stands for its value: "unknown field" points at the name.
                let memberPath = path.appending(member.key)
                starts.append(member.keyLocation)
                paths.append(memberPath)
                add(member.value, path: memberPath)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() { add(element, path: path.appending(index)) }
        default:
            break
        }
    }

    /// The path of the value or member name that starts at `location`, or of the string that
    /// holds it (a diagnostic may point inside a string); nil before the document starts.
    func path(at location: SourceLocation) -> JSONPath? {
        // The last start at or before `location`: starts are in the order written.
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= location { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? paths[low - 1] : nil
    }
}
