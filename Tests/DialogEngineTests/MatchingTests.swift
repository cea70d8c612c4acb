@testable import DialogEngine
import Foundation
import Testing

@Suite struct MatchingTests {
    /// What a Dutch conversation understands: the Dutch pack's words and the English it also understands.
    static let dutch = LanguageWords([LanguagePack.builtIn["nl"]!, LanguagePack.builtIn["en"]!])

    func index(_ phrases: [(String, Int)]) -> PhraseIndex {
        var index = PhraseIndex(words: Self.dutch)
        for (text, target) in phrases { index.add(text, for: target) }
        index.finish()
        return index
    }

    /// A phrase too long for an entry (past 65,535 words) is left out of the index, not a crash:
    /// the loader must report what is wrong with a bundle, never stop the process.
    @Test func aPhraseOfMoreThan65535WordsIsLeftOut() {
        let long = Array(repeating: "woord", count: 70_000).joined(separator: " ")
        let index = index([("ja graag", 0), (long, 1), ("nee dank je", 1)])
        #expect(index.entries.count == 2)
        #expect(index.entries.map(\.target) == [0, 1])
        #expect(index.entries.map(\.wordRange.count) == [2, 3])
        #expect(!index.vocabulary.contains { $0.text == "woord" })
    }

    /// A small vocabulary is searched word by word and a large one through a dictionary: both
    /// find every word, with the same weight, and count unknown and small words the same.
    @Test func wordsAreFoundInSmallAndLargeVocabularies() {
        for size in [3, 40] {
            let phrases = (0..<size).map { ("woord\($0) gedeeld", $0 % 2) }
            let index = index(phrases)
            #expect(index.vocabulary.count == size + 1)
            for (id, word) in index.vocabulary.enumerated() {
                #expect(index.telling(word.text) == word.weight, "\(size) \(word.text)")
                #expect(index.entries(withWord: id).allSatisfy { index.words(of: index.entries[$0]).contains(id) })
            }
            #expect(index.telling("gedeeld") < 1)
            #expect(index.telling("woord1") == 1)
            #expect(index.telling("onbekend") == 1)
            #expect(index.weight(of: "de") == 0)
        }
    }

    /// A word's weight counts the distinct targets whose phrases have it, also past the first
    /// 64 targets and when one target has it twice; small words are flagged from the packs.
    @Test func weightsCountDistinctTargetsAndSmallWordsAreFlagged() throws {
        var phrases = (0..<100).map { ("woord\($0)", $0) }
        phrases += [0, 63, 64, 99, 99, 70, 70].map { ("gedeeld", $0) }
        phrases += [("de deze wil", 5)]
        let index = index(phrases)
        let shared = try #require(index.vocabulary.first { $0.text == "gedeeld" })
        #expect(shared.weight == log(100.0 / 5) / log(100.0))
        #expect(index.telling("woord7") == 1)
        let flags = Dictionary(uniqueKeysWithValues: index.vocabulary.map { ($0.text, [$0.isStop, $0.isSkippable]) })
        #expect(flags["de"] == [true, true])
        #expect(flags["deze"] == [false, true])
        #expect(flags["wil"] == [true, false])
        #expect(flags["gedeeld"] == [false, false])
    }

    /// The tables a turn looks words up in answer as the word lists they are built from.
    @Test func lookupTablesAgreeWithTheWordLists() {
        let words = Self.dutch
        for (phrase, command) in words.commands { #expect(words.command(phrase) == command, "\(phrase)") }
        for word in words.and { #expect(words.isAnd(word)) }
        for word in words.questionWords { #expect(words.isQuestionWord(word)) }
        for word in words.languageKeywords { #expect(words.isLanguageKeyword(word)) }
        for word in ["", "e", "ene", "hulpje", "taal en", "wanneer?", "x"] {
            #expect(words.command(word) == words.commands[word], "\(word)")
            #expect(words.isAnd(word) == words.and.contains(word))
            #expect(words.isQuestionWord(word) == words.questionWords.contains(word))
            #expect(words.isLanguageKeyword(word) == words.languageKeywords.contains(word))
        }
        #expect(words.isAnd("en") && words.isQuestionWord("wanneer") && words.command("help") == .help)
    }

    /// Swift compares strings by canonical equivalence, and so did the dictionaries these
    /// lookups replaced: a word spelled with other scalars is still the same word, in a small
    /// index, in a large one, and in the word tables.
    @Test func canonicallyEquivalentSpellingsAreOneWord() {
        let greek = ("\u{3AC}", "\u{1F71}"), korean = ("\u{D55C}", "\u{1112}\u{1161}\u{11AB}")
        #expect(greek.0 == greek.1 && korean.0 == korean.1 && "K" == "\u{212A}")
        for extra in [0, 31] {
            let others = (0..<extra).map { ("woord\($0)", 2) }
            let index = index([(greek.0, 0), (greek.1, 1), (korean.0, 0), (korean.1, 1)] + others)
            #expect(index.vocabulary.count == 2 + extra, "\(extra)")
            #expect(index.telling(greek.1) == index.telling(greek.0))
        }
        let table = WordTable([(greek.0, 1), ("k", 2)])
        #expect(table[greek.1] == 1 && table["k"] == 2 && table["K"] == nil)
        let ascii = WordTable([("K", 3)])
        #expect(ascii["\u{212A}"] == 3 && ascii["k"] == nil)
    }

    /// A "/" or ":" with a combining mark is a character of its own, not a slash or a colon.
    @Test func slashesAndColonsWithCombiningMarksAreNone() {
        let words = Self.dutch
        func command(_ text: String) -> Command? { Command.parse(TypedText(text, words: words), words: words) { _, _ in false } }
        #expect(command("/?") == .help && command("/help") == .help)
        #expect(command("/\u{301}?") == nil)
        func reference(_ written: String) -> NodeReference {
            NodeReference(written: written, origin: Origin(fileNumber: 0, location: SourceLocation(line: 1, column: 1)))
        }
        #expect(reference("a:\u{301}b").flow == nil && reference("a:\u{301}b").node == "a:\u{301}b")
        #expect(reference("\u{E9}t\u{E9}:x").flow == "\u{E9}t\u{E9}" && reference("\u{E9}t\u{E9}:x").node == "x")
        #expect(reference("a:b:c").flow == "a" && reference("a:b:c").node == "b:c" && reference("start").flow == nil)
    }

    @Test func normalizesCaseAccentsAndPunctuation() {
        #expect(TextNormalizer.words("Wie betaalt DÁT eigenlijk?!") == ["wie", "betaalt", "dat", "eigenlijk"])
        #expect(TextNormalizer.words("my GP won’t refer me") == ["my", "gp", "wont", "refer", "me"])
        #expect(TextNormalizer.words("  ...  ") == [])
        #expect(TextNormalizer.words("Straße, Ærø, ĳs") == ["strasse", "aero", "ijs"])
        #expect(TextNormalizer.words("ＧＰ ２４") == ["gp", "24"])
        #expect(TextNormalizer.words("e\u{301}e\u{308}n") == ["een"])
        #expect(TextNormalizer.words("ΩΜΕΓΑ🙂two") == ["ωμεγα", "two"])
    }

    /// `normalized` builds the joined words in one buffer; it must equal joining `words`, also
    /// around apostrophes, lone accents and separators that fold to nothing.
    @Test func normalizedIsTheWordsJoinedBySingleSpaces() {
        let pieces = ["Wie", "DÁT", " ", "  ", "?!", "won’t", "'", " ' ", "\u{301}", "e\u{301}", "ＧＰ", "２４", "Straße", "ĳs", "Ω",
                      "🙂", "\t", "\n", "-", "x", "1", "ß", "Ærø", "…", "\u{0}", "\u{2019}", "`"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TextNormalizer.normalized(text) == TextNormalizer.words(text).joined(separator: " "), "\(text.debugDescription)")
        }
        #expect(TextNormalizer.normalized("  Wie betaalt ' DÁT?! ") == "wie betaalt dat")
        #expect(TextNormalizer.normalized(" ' ") == "")
    }

    /// The byte-wise folding agrees with the rule it implements, written scalar by scalar, on
    /// text mixing ASCII, accented Latin, full-width forms, other scripts, emoji and random
    /// scalars from every plane (each UTF-8 length).
    @Test func foldingBytesAgreesWithFoldingScalars() {
        func reference(_ text: String) -> [String] {
            var words: [String] = [], word = ""
            for scalar in text.unicodeScalars {
                let value = scalar.value
                switch value {
                case 0x61...0x7A, 0x30...0x39: word.unicodeScalars.append(scalar)
                case 0x41...0x5A: word.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
                case 0x27, 0x2019, 0x60, 0xB4, 0x300...0x36F: continue
                case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                    let ascii = value - 0xFEE0
                    word.unicodeScalars.append(Unicode.Scalar(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)!)
                case 0x80...:
                    if let folded = TextNormalizer.latin[value] {
                        word += folded
                    } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                        word += scalar.properties.lowercaseMapping
                    } else if !word.isEmpty {
                        words.append(word)
                        word = ""
                    }
                default:
                    if !word.isEmpty {
                        words.append(word)
                        word = ""
                    }
                }
            }
            if !word.isEmpty { words.append(word) }
            return words
        }
        let pieces = ["Wie", "DÁT", " ", "?!", "won’t", "'", "`", "´", "e\u{301}", "ＧＰ２４ｚ", "Straße", "ĳs", "Ȿ", "İ", "ΩΜΕΓΑ",
                      "москва", "中文", "🙂", "𝟘𝟙", "٣", "\t", "\u{0}", "\u{7F}", "\u{80}", "\u{FFFD}", "\u{10FFFF}"]
        let planes: [ClosedRange<UInt32>] = [0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                if Bool.random(using: &generator) {
                    text += pieces.randomElement(using: &generator)!
                } else {
                    let plane = planes.randomElement(using: &generator)!
                    text.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: plane, using: &generator))!)
                }
            }
            #expect(TextNormalizer.words(text) == reference(text), "\(text.debugDescription)")
        }
    }

    /// The folding buffer has room for twice the input: no Unicode scalar folds to more than
    /// twice its own UTF-8 bytes.
    @Test func noCharacterFoldsToMoreThanTwiceItsBytes() {
        var widest = (ratio: 0.0, scalar: UInt32(0))
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let folded = TextNormalizer.foldedLetter(value) else { continue }
            let ratio = Double(folded.utf8.count) / Double(String(scalar).utf8.count)
            if ratio > widest.ratio { widest = (ratio, value) }
        }
        #expect(widest.ratio <= Double(TextNormalizer.expansionLimit), "U+\(String(widest.scalar, radix: 16, uppercase: true))")
        #expect(widest.ratio == 1.5)  // U+023A, Ⱥ, two bytes, folds to U+2C65, three
    }

    /// The choice picked, ignoring the score.
    func picked(_ text: String, _ phrases: PhraseIndex) -> Int? {
        if case .picked(let target, _) = AnswerMatcher.match(TextNormalizer.words(text), index: phrases) { return target }
        return nil
    }

    @Test func picksByLabelSynonymAndTypo() {
        let phrases = index([("Basic insurance", 0), ("basisverzekering", 0), ("Supplementary insurance", 1), ("aanvullend", 1)])
        #expect(picked("basic INSURANCE!", phrases) == 0)
        #expect(picked("ik heb aanvulend", phrases) == 1)
        #expect(picked("basisverzekring", phrases) == 0)
    }

    @Test func asksWhenTwoChoicesFitEqually() {
        let phrases = index([("Basic insurance", 0), ("Supplementary insurance", 1)])
        #expect(AnswerMatcher.match(TextNormalizer.words("insurance"), index: phrases) == .unclear([0, 1]))
        #expect(AnswerMatcher.match(TextNormalizer.words("car"), index: phrases) == .none)
        let overlapping = index([("referral", 0), ("referral letter", 1), ("letter", 1), ("gp referral", 0)])
        #expect(AnswerMatcher.match(TextNormalizer.words("referral letter gp"), index: overlapping) == .unclear([0, 1]))
    }

    @Test func neverPicksSilentlyOnAWeakMatch() {
        let phrases = index([("deductible", 0), ("referral", 1)])
        // One misspelled word in a long sentence is only a weak hint.
        #expect(AnswerMatcher.match(TextNormalizer.words("I wonder whether my deductable would apply to this whole story"), index: phrases) == .unclear([0]))
    }

    @Test func yesAndNoWordsInBothLanguages() {
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("Ja hoor")) == true)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("yes please")) == true)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("Nee.")) == false)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("no, not really")) == false)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("ja nee")) == nil)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("maybe")) == nil)
        // Sentences: the first word decides; a bare "niet" inside a sentence is no answer.
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("nee, die wil hij niet geven")) == false)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("yes I do")) == true)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("klopt")) == true)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("ik snap het niet")) == nil)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("mag mijn dochter dit regelen?")) == nil)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("no idea")) == nil)
        #expect(Self.dutch.interpretYesNo(TextNormalizer.words("I don't think so")) == false)
    }

    @Test func findsNumbersInText() {
        #expect(AnswerMatcher.number(in: "2,5") == 2.5)
        #expect(AnswerMatcher.number(in: "€ 385") == 385)
        #expect(AnswerMatcher.number(in: "about 40 years") == 40)
        #expect(AnswerMatcher.number(in: "between 3 and 4") == nil)
        #expect(AnswerMatcher.number(in: "none") == nil)
        // Too large for a Double: infinite, which no question takes and no save could hold.
        #expect(AnswerMatcher.number(in: "1" + String(repeating: "0", count: 400)) == nil)
        #expect(AnswerMatcher.number(in: "1" + String(repeating: "0", count: 300)) == 1e300)
    }

    @Test func editDistanceStopsAtItsLimit() {
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("abc", "abcdefgh", limit: 2) == 3)
        #expect(Suggestion.closest(to: "ask_insurnce", among: ["ask_insurance", "ask_referral"]) == "ask_insurance")
        #expect(Suggestion.closest(to: "zzz", among: ["ask_insurance"]) == nil)
    }

    /// The distance works out only a band around the diagonal; it must give what the whole
    /// table gives, up to the limit, for every pair.
    @Test func theBandedDistanceAgreesWithTheWholeTable() {
        func whole(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar]) -> Int {
            var row = Array(0...right.count)
            for i in 1...max(left.count, 1) where !left.isEmpty {
                var next = [i] + Array(repeating: 0, count: right.count)
                for j in 1...max(right.count, 1) where !right.isEmpty {
                    next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1))
                }
                row = next
            }
            return row[right.count]
        }
        var state: UInt64 = 7
        func word() -> [Unicode.Scalar] {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60)
            return (0..<length).map { index in Unicode.Scalar(UInt8(ascii: "a") + UInt8((state >> (4 * UInt64(index % 14))) % 3)) }
        }
        for _ in 0..<2_000 {
            let (left, right) = (word(), word())
            let expected = whole(left, right)
            for limit in 0...4 {
                #expect(EditDistance.between(left, right, limit: limit) == min(expected, limit + 1), "\(left) \(right) \(limit)")
            }
            #expect(EditDistance.between(left, right) == expected)
        }
    }
}
