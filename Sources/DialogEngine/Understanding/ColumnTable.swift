/// Maps n-gram hashes to column numbers (and keyword hashes to keyword numbers): an open-addressing
/// hash table with linear probing over two flat arrays, much lighter than `Dictionary` for
/// millions of look-ups of 64-bit keys.
struct ColumnTable: Sendable {
    private var keys: [UInt64]
    private var columns: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// Zero marks an empty slot; a real hash of zero is stored as this instead.
    private static let zeroStandIn: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        columns = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The column of `hash`, or -1.
    func column(of hash: UInt64) -> Int32 {
        let key = hash == 0 ? Self.zeroStandIn : hash
        return keys.withUnsafeBufferPointer { keys in
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while true {
                let found = keys[slot]
                if found == key { return columns[slot] }
                if found == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The column of `hash`, giving it the next column number if it is new.
    mutating func insert(_ hash: UInt64) -> (column: Int32, isNew: Bool) {
        if count * 2 >= keys.count { grow() }
        let key = hash == 0 ? Self.zeroStandIn : hash
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let found = keys[slot]
            if found == key { return (columns[slot], false) }
            if found == 0 {
                keys[slot] = key
                columns[slot] = Int32(count)
                count += 1
                return (Int32(count - 1), true)
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let old = zip(keys, columns).filter { $0.0 != 0 }
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        columns = Array(repeating: -1, count: size)
        mask = size - 1
        for (key, column) in old {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            columns[slot] = column
        }
    }
}
