/// Where a value sits inside a JSON document, written as `$.nodes[2].choices[0].next`.
///
/// A path shares its prefix with its parent's (a list from the leaf up), so ``JSONPathTable``
/// gives every value of a document its path with one small allocation instead of a copy of all
/// the components above it.
struct JSONPath: Sendable, CustomStringConvertible {
    enum Component: Sendable {
        case key(String)
        case index(Int)
    }

    private final class Link: Sendable {
        let parent: Link?
        let component: Component

        init(parent: Link?, component: Component) {
            self.parent = parent
            self.component = component
        }
    }

    private var last: Link?

    static let root = JSONPath()

    /// The components from the root down.
    var components: [Component] {
        var result: [Component] = []
        var link = last
        while let current = link {
            result.append(current.component)
            link = current.parent
        }
        return result.reversed()
    }

    func appending(_ key: String) -> JSONPath {
        JSONPath(last: Link(parent: last, component: .key(key)))
    }

    func appending(_ index: Int) -> JSONPath {
        JSONPath(last: Link(parent: last, component: .index(index)))
    }

    var description: String {
        var result = "$"
        for component in components {
            switch component {
            case .key(let key):
                if !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "$" }) {
                    result += ".\(key)"
                } else {
                    result += "[\"\(key)\"]"
                }
            case .index(let index):
                result += "[\(index)]"
            }
        }
        return result
    }
}
