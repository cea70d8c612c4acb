extension String {
    /// The string with `pad` in front up to `width` characters: "7" → "0007" for a code point,
    /// "7" → " 7" for a numbered list.
    package func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
