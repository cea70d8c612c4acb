import DialogEngine

/// A JSON request body read strictly: valid UTF-8, valid JSON, an object, known fields only,
/// strings where strings belong. Every problem is an ``APIError`` that says where.
struct RequestBody: Sendable {
    private let fields: [String: Field]

    /// One top-level value: only strings are ever accepted, so others keep just their kind.
    private enum Field: Sendable {
        case string(String)
        case null
        case other(String)

        init(_ value: JSONValue) {
            switch value.kind {
            case .string(let text): self = .string(text)
            case .null: self = .null
            default: self = .other(value.typeName)
            }
        }
    }

    /// Parses `bytes`; an empty body is an empty object. Read with the engine's JSON reader
    /// (RFC 8259, so a trailing comma is an error), which costs a fraction of `JSONDecoder` on
    /// bodies this small; as with `JSONDecoder`, the first of two members with one name counts.
    init(_ bytes: [UInt8], allowed: [String]) throws(APIError) {
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            fields = [:]
            return
        }
        if let offset = Self.firstInvalidUTF8Offset(bytes) {
            throw APIError(.invalidUTF8, "The body is not valid UTF-8; send the JSON encoded as UTF-8.", at: "byte \(offset)")
        }
        let value: JSONValue
        do {
            value = try JSONReader.parse(utf8: bytes)  // checked to be UTF-8 above
        } catch {
            throw APIError(.invalidJSON, "The body is not valid JSON; send one JSON object such as {\"text\":\"hello\"}.",
                           at: JSONSyntaxLocator.firstError(in: bytes) ?? "$")
        }
        guard let members = value.members else {
            throw APIError(.wrongType, "The body must be a JSON object such as {\"text\":\"hello\"}.", at: "$")
        }
        var decoded: [String: Field] = [:]
        for member in members where decoded[member.key] == nil { decoded[member.key] = Field(member.value) }
        if let unknown = decoded.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIError(.unknownField, "Unknown field '\(unknown)'; the fields here are \(allowed.map { "'\($0)'" }.joined(separator: ", ")).",
                           at: "$.\(unknown)")
        }
        fields = decoded
    }

    /// The names of the fields present (null counts as absent).
    var present: [String] {
        fields.filter { if case .null = $0.value { false } else { true } }.keys.sorted()
    }

    /// The string at `key`, nil when absent or null; a value of another type is an error.
    func string(_ key: String) throws(APIError) -> String? {
        switch fields[key] {
        case nil, .null: return nil
        case .string(let value): return value
        case .other(let kind): throw APIError(.wrongType, "'\(key)' must be a string, not \(kind).", at: "$.\(key)")
        }
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil when all is valid.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
