/// Finds the column, in a JSON file, of a Unicode scalar inside a string value.
///
/// Diagnostics inside a text (a placeholder, a long sentence, an expression) know their offset in
/// the decoded string. In the file, an escape takes more columns than the scalar it stands for:
/// `\"` two, `\u00e9` six, a surrogate pair `\ud83d\ude00` twelve. Reading the literal again
/// from its opening quote gives the column the author sees.
enum StringColumn {
    /// The 1-based column of decoded scalar `offset` of the string whose opening quote is at
    /// `quote`. Without the file's text, or when `quote` is not at a quote, every scalar is
    /// taken to fill one column.
    static func column(of offset: Int, inStringAt quote: SourceLocation, in text: String?) -> Int {
        let plain = quote.column + 1 + offset
        guard let text, var raw = literal(at: quote, in: text) else { return plain }
        var column = quote.column + 1
        var decoded = 0
        while decoded < offset, let scalar = raw.popFirst() {
            if scalar == "\"" { return plain }  // the string ended early: not the string we were told of
            column += 1
            decoded += 1
            guard scalar == "\\", let escaped = raw.popFirst() else { continue }
            column += 1
            guard escaped == "u" else { continue }
            let hex = takeHex(&raw)
            column += hex.count
            // A high surrogate and the low surrogate after it are one scalar.
            var rest = raw
            if isSurrogate(hex, in: 0xD800...0xDBFF), rest.popFirst() == "\\", rest.popFirst() == "u" {
                let low = takeHex(&rest)
                if isSurrogate(low, in: 0xDC00...0xDFFF) {
                    raw = rest
                    column += 2 + low.count
                }
            }
        }
        return column
    }

    /// The scalars after the opening quote at `quote`, or nil when no quote is there.
    private static func literal(at quote: SourceLocation, in text: String) -> Substring.UnicodeScalarView? {
        var line = 1
        var scalars = text.unicodeScalars[...]
        while line < quote.line {
            guard let scalar = scalars.popFirst() else { return nil }
            if scalar == "\n" { line += 1 }
        }
        for _ in 1..<max(quote.column, 1) {
            guard let scalar = scalars.popFirst(), scalar != "\n" else { return nil }
        }
        guard scalars.popFirst() == "\"" else { return nil }
        return scalars
    }

    /// Takes up to four hex digits.
    private static func takeHex(_ raw: inout Substring.UnicodeScalarView) -> String {
        var digits = String.UnicodeScalarView()
        while digits.count < 4, let next = raw.first, next.properties.isASCIIHexDigit {
            digits.append(raw.removeFirst())
        }
        return String(digits)
    }

    private static func isSurrogate(_ hex: String, in range: ClosedRange<UInt32>) -> Bool {
        hex.utf8.count == 4 && UInt32(hex, radix: 16).map(range.contains) == true
    }
}
