@testable import DialogEngine
import Testing

/// The shortcuts taken for the usual input give what the general code gives.
@Suite struct FastPathTests {
    /// `trimmingWhitespace` skips its scan when both ends are printable ASCII.
    @Test(arguments: [("abc", "abc"), (" a", "a"), ("a\u{A0}", "a"), ("\u{0600}a", "\u{0600}a"), ("\u{2003}a b\t", "a b"),
                      ("a\u{301}", "a\u{301}"), ("", ""), ("x", "x")])
    func trimmingKeepsOnlyTheTextBetweenWhiteSpace(text: String, trimmed: String) {
        #expect(String(text.trimmingWhitespace()) == trimmed)
    }

    /// A transcript line is copied together from its pieces: every piece, in order, whole.
    @Test func concatenatingCopiesEveryPartInOrder() {
        #expect(String(concatenating: []) == "")
        #expect(String(concatenating: ["", "a", ""]) == "a")
        let parts = ["Wie betaalt dát?", "\n\n", "1", ". ", "Ja 🙂", String(repeating: "x", count: 100), "e\u{301}"]
        let joined = String(concatenating: parts)
        #expect(joined == parts.joined())
        #expect(Array(joined.utf8) == Array(parts.joined().utf8))
        // Handed out by a closure, which is called twice (to measure, then to copy).
        var calls = 0
        let written = String(concatenating: { put in
            calls += 1
            for part in parts { put(part) }
            put("")
        })
        #expect(written == parts.joined())
        #expect(calls == 2)
        // Pieces that grow between the two calls are cut at the measured size, never written past it.
        var round = 0
        let grown = String(concatenating: { put in
            round += 1
            put("abc")
            if round == 2 { put(String(repeating: "x", count: 1_000)) }
        })
        #expect(grown == "abc")
    }

    /// An answer followed by more: the head is the words before the first comma or semicolon,
    /// also after letters of more than one byte.
    @Test func theHeadEndsAtTheFirstCommaAfterAnyLetters() {
        let words = LanguageWords([LanguagePack.builtIn["nl"]!])
        #expect(TypedText("Aanvullend é, en ik heb een verwijzing", words: words).head == ["aanvullend", "e"])
        #expect(TypedText("café; daarna", words: words).head == ["cafe"])
        #expect(TypedText("geen komma hier", words: words).head == ["geen", "komma", "hier"])
        #expect(TypedText("basis en meer", words: words).head == ["basis"])
        #expect(TypedText("wat kost het?", words: words).isQuestion)
        // A question mark with a combining mark on it is no question mark.
        #expect(!TypedText("wat kost het ?\u{301}", words: words).isQuestion)
    }

    /// A message with more words than any command phrase is no command, without a look-up;
    /// command phrases of two words and language switches still are.
    @Test func onlyMessagesAsShortAsACommandAreLookedUp() {
        let words = LanguageWords([LanguagePack.builtIn["nl"]!, LanguagePack.builtIn["en"]!])
        #expect(words.longestCommand == 3)  // "in het nederlands"
        func parse(_ text: String) -> Command? {
            Command.parse(TypedText(text, words: words), words: words) { _, _ in false }
        }
        #expect(parse("start over") == .restart)
        #expect(parse("/een mens") == .human)
        #expect(parse("in english") == .language("en"))
        #expect(parse("language nl") == .language("nl"))
        #expect(parse("language nl please") == nil)
        #expect(parse("in het nederlands") == .language("nl"))
        #expect(parse("graag in het nederlands") == nil)
        #expect(parse("?") == .help)
    }

    /// A long message is listed with each distinct word once, in one pass with its words and
    /// their joined form; a short one is not listed.
    @Test func aLongMessageIsListedOnce() {
        let words = LanguageWords([LanguagePack.builtIn["nl"]!])
        let short = TypedText("Mijn moeder, mijn vader!", words: words)
        #expect(short.words == ["mijn", "moeder", "mijn", "vader"])
        #expect(short.joined == "mijn moeder mijn vader")
        #expect(short.listed == nil)
        let long = TypedText(Array(repeating: "Wie betaalt dát?", count: 6).joined(separator: " "), words: words)
        #expect(long.words.count == 18)
        #expect(long.joined == Array(repeating: "wie betaalt dat", count: 6).joined(separator: " "))
        #expect(long.listed?.distinct == ["wie", "betaalt", "dat"])
        #expect(long.listed?.counts == [6, 6, 6])
        #expect(TypedText("", words: words).joined == "")
        let cut = TextNormalizer.wordsAndJoined("Één café, ÆTHER straße")
        #expect(cut.words == ["een", "cafe", "aether", "strasse"])
        #expect(cut.joined == "een cafe aether strasse")
    }

    /// The letter masks never rule out a pair within the allowed edits: over many random pairs
    /// (letters, digits and scalars above 63 that share bits), the distance decides the same.
    @Test func letterMasksNeverRuleOutAPairWithinReach() {
        let alphabet: [Unicode.Scalar] = Array("abcdeéxyz019".unicodeScalars) + ["\u{101}", "\u{141}"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var withinReach = 0
        for _ in 0..<20_000 {
            let left = (0..<(3 + next(7))).map { _ in alphabet[next(alphabet.count)] }
            var right = left
            for _ in 0..<next(4) {
                switch next(3) {
                case 0 where !right.isEmpty: right.remove(at: next(right.count))
                case 1: right.insert(alphabet[next(alphabet.count)], at: next(right.count + 1))
                default: if !right.isEmpty { right[next(right.count)] = alphabet[next(alphabet.count)] }
                }
            }
            for edits in 1...2 where EditDistance.between(left, right, limit: edits) <= edits {
                withinReach += 1
                #expect(EditDistance.mayBeWithin(EditDistance.letterMask(left), EditDistance.letterMask(right), edits: edits))
            }
        }
        #expect(withinReach > 1_000)
    }
}
