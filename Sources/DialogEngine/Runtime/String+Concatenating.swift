extension String {
    /// The pieces `pieces` hands to its argument, one after another, in one new string. `pieces`
    /// is called twice: once to measure, once to copy, so the storage is allocated once, filled
    /// with plain copies and checked to be UTF-8 once, and no list of the pieces is built. `+=`
    /// checks capacity, encoding and uniqueness on every append, which cost more than the
    /// copying when a turn's transcript line is built from a dozen pieces.
    init(concatenating pieces: ((String) -> Void) -> Void) {
        var count = 0
        pieces { count += $0.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var written = 0
            pieces { piece in
                var piece = piece
                piece.withUTF8 { bytes in
                    // Never past the measured count, even if `pieces` handed out more this time.
                    guard let source = bytes.baseAddress, bytes.count <= count - written else { return }
                    (buffer.baseAddress! + written).update(from: source, count: bytes.count)
                    written += bytes.count
                }
            }
            return written
        }
    }

    /// `parts` one after another in one new string.
    init(concatenating parts: [String]) {
        self.init(concatenating: { put in for part in parts { put(part) } })
    }
}
