@testable import DialogEngine
import Testing

/// The engine's own trimming and replacing, which stand in for Foundation's: each case is what
/// Foundation's `trimmingCharacters(in:)` and `replacingOccurrences(of:with:)` give (checked once
/// against Foundation on Linux), except the combining mark, marked below.
@Suite struct TextTrimmingTests {
    @Test func trimmingSpacesTakesSpacesAndTabsOnly() {
        #expect(" \t lang en \t".trimmingSpaces() == "lang en")
        // No-break and other space separators are spaces; a line break is not, unless asked for.
        #expect("\u{A0}\u{2003}x\u{3000}".trimmingSpaces() == "x")
        // The zero-width space counts as a space; the byte order mark and U+180E do not.
        #expect("\u{200B}x\u{200B}".trimmingSpaces() == "x")
        #expect("\u{FEFF}x\u{180E}".trimmingSpaces() == "\u{FEFF}x\u{180E}")
        #expect("x\r".trimmingSpaces() == "x\r")
        #expect("\n x \n".trimmingSpaces() == "\n x \n")
        #expect("\r\n\u{0B}\u{0C}\u{85}\u{2028}\u{2029} x y \r\n".trimmingSpaces(newlines: true) == "x y")
        #expect(" \t ".trimmingSpaces() == "")
        #expect("".trimmingSpaces(newlines: true) == "")
        // A substring is trimmed within its own bounds; spaces inside stay.
        let line = "> a  b  <"
        #expect(line.dropFirst().dropLast().trimmingSpaces() == "a  b")
    }

    @Test func trimmingTrailingWhiteSpaceKeepsTheStart() {
        #expect("  route   q1   \t\n".trimmingTrailingWhiteSpace() == "  route   q1")
        #expect("   ".trimmingTrailingWhiteSpace() == "")
        #expect("a\u{A0}".trimmingTrailingWhiteSpace() == "a")
    }

    @Test func replacingAScalarFindsItInsideCarriageReturnLineFeed() {
        #expect("a\r\nb\nc".replacing(scalar: "\n", with: " ") == "a\r b c")
        #expect("1.5".replacing(scalar: ".", with: ",") == "1,5")
        #expect("\tx\t".replacing(scalar: "\t", with: "    ") == "    x    ")
        #expect("geen".replacing(scalar: ".", with: ",") == "geen")
        // A combining mark after the scalar leaves the scalar found (Foundation would not find it).
        #expect(".\u{301}".replacing(scalar: ".", with: ",") == ",\u{301}")
    }
}
