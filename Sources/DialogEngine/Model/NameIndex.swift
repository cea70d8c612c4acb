/// Names (such as `flow:node`) to numbers, looked up on every turn: a table keyed by a cheap hash
/// of each name's bytes, with the name compared on a hit, instead of a `Dictionary` that hashes
/// every name with a seeded SipHash first.
struct NameIndex: Sendable {
    /// A name's ``WordList/hash(_:)`` to its place in `entries`.
    private var places = ColumnTable(capacity: 64)
    private var entries: [(name: String, number: Int)] = []
    /// Names whose hash another name had first: two names sharing 64 bits is all but impossible,
    /// and still answered right.
    private var sharedHashes: [String: Int] = [:]
    /// Another hash than ``WordList/hash(_:)``, for tests that make names share one.
    private let hashOverride: (@Sendable (String) -> UInt64)?

    init() { hashOverride = nil }

    /// An index that hashes names with `hash` (tests use this to make names share a hash).
    init(hashingWith hash: @escaping @Sendable (String) -> UInt64) { hashOverride = hash }

    private func hash(_ name: String) -> UInt64 { hashOverride?(name) ?? WordList.hash(name) }

    /// Every name, in the order added.
    var keys: [String] { entries.map(\.name) + sharedHashes.keys.sorted() }

    subscript(name: String) -> Int? {
        get {
            let place = places.column(of: hash(name))
            if place >= 0, entries[Int(place)].name == name { return entries[Int(place)].number }
            return sharedHashes.isEmpty ? nil : sharedHashes[name]
        }
        set {
            guard let newValue else { preconditionFailure("names are added, never removed") }
            let (place, isNew) = places.insert(hash(name))
            if isNew {
                entries.append((name, newValue))
            } else if entries[Int(place)].name == name {
                entries[Int(place)].number = newValue
            } else {
                sharedHashes[name] = newValue
            }
        }
    }
}
