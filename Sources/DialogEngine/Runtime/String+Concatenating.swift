extension String {
    /// `parts` one after another in one new string, whose storage is allocated once and filled
    /// with plain copies (the result is checked to be UTF-8 once, at the end). `+=` checks
    /// capacity, encoding and uniqueness on every append, which cost more than the copying when
    /// a turn's transcript line is built from a dozen pieces.
    init(concatenating parts: [String]) {
        var count = 0
        for part in parts { count += part.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var written = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    guard let source = bytes.baseAddress else { return }
                    (buffer.baseAddress! + written).update(from: source, count: bytes.count)
                    written += bytes.count
                }
            }
            return written
        }
    }
}
