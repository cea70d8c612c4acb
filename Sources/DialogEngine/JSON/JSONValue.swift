/// A parsed JSON value that remembers where it came from, so every diagnostic can point at the
/// exact line and column an author has to change.
package struct JSONValue: Sendable {
    /// One member of an object, with the location of its key.
    package struct Member: Sendable {
        package var key: String
        var keyLocation: SourceLocation
        package var value: JSONValue
    }

    package enum Kind: Sendable {
        case object([Member])
        case array([JSONValue])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    package var kind: Kind
    var location: SourceLocation

    /// The name of this value's JSON type, as an author would say it.
    package var typeName: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }

    package var members: [Member]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    var elements: [JSONValue]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    var number: Double? {
        if case .number(let value) = kind { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = kind { return value }
        return nil
    }

    /// The value of the first member named `key`, if this is an object that has one.
    subscript(key: String) -> JSONValue? {
        members?.first(where: { $0.key == key })?.value
    }
}
