/// Folds what people type into comparable words: lower case, accents removed, punctuation dropped.
/// "Wie betaalt dát eigenlijk?!" becomes `["wie", "betaalt", "dat", "eigenlijk"]`.
///
/// Runs on every turn and on every example when the classifier trains, so it works on Unicode
/// scalars with an ASCII fast path and a small table for accented Latin letters, rather than
/// Foundation's locale-aware folding (which costs about 40 times as much).
enum TextNormalizer {
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        // Room for a short text's words at once: growing 1, 2, 4, 8 was a third of the cost.
        words.reserveCapacity(min(text.utf8.count / 4 + 1, 16))
        // One word at a time in the buffer: each is copied out and its room reused.
        fold(text) { buffer, start, end in
            words.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
            return start
        }
        return words
    }

    /// The words of `text` joined by single spaces: `words(text).joined(separator: " ")`, folded
    /// straight into one buffer (joining the words' strings cost as much as finding them).
    static func normalized(_ text: String) -> String {
        var result = ""
        fold(text) { buffer, _, end in
            buffer[end] = UInt8(ascii: " ")
            return end + 1
        } finished: { buffer, count in
            result = String(decoding: UnsafeBufferPointer(rebasing: buffer[..<(count > 0 ? count - 1 : 0)]), as: UTF8.self)
        }
        return result
    }

    /// `words(text)` and `normalized(text)` from one pass: the words are cut from the joined text.
    static func wordsAndJoined(_ text: String) -> (words: [String], joined: String) {
        var words: [String] = []
        words.reserveCapacity(min(text.utf8.count / 4 + 1, 16))
        var joined = ""
        fold(text) { buffer, start, end in
            words.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
            buffer[end] = UInt8(ascii: " ")
            return end + 1
        } finished: { buffer, count in
            joined = String(decoding: UnsafeBufferPointer(rebasing: buffer[..<(count > 0 ? count - 1 : 0)]), as: UTF8.self)
        }
        return (words, joined)
    }

    /// No character folds to more than twice its own UTF-8 bytes, and a word's separator takes at
    /// least one byte, so twice the input and one byte more always hold the folded text (a test
    /// checks every Unicode scalar).
    static let expansionLimit = 2

    /// Folds `text` into a scratch buffer. At the end of each word `wordEnded` gets the buffer and
    /// the word's start and end (never empty), and returns where the next word is written; it may
    /// write one byte at the end first. `finished` gets the buffer and how much of it is used.
    @inline(__always)
    private static func fold(
        _ text: String,
        _ wordEnded: (UnsafeMutableBufferPointer<UInt8>, Int, Int) -> Int,
        finished: (UnsafeMutableBufferPointer<UInt8>, Int) -> Void = { _, _ in }
    ) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * expansionLimit + 1) { out in
                var count = 0, start = 0
                func write(_ folded: some Collection<UInt8>) {
                    // `<`, not `<=`: the end of the last word may still need one byte.
                    precondition(count + folded.count < out.count, "a folded character outgrew its room")
                    for byte in folded {
                        out[count] = byte
                        count += 1
                    }
                }
                func flush() {
                    if count > start {
                        count = wordEnded(out, start, count)
                        start = count
                    }
                }
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        index += 1
                        switch byte {
                        case 0x61...0x7A, 0x30...0x39:  // a-z, 0-9
                            out[count] = byte
                            count += 1
                        case 0x41...0x5A:  // A-Z
                            out[count] = byte + 0x20
                            count += 1
                        case 0x27, 0x60: continue  // "won't" becomes "wont"
                        default: flush()
                        }
                        continue
                    }
                    let (value, length) = UTF8Bytes.decodeScalar(bytes, at: index)
                    index += length
                    switch value {
                    case 0x2019, 0xB4:
                        continue  // "won’t" becomes "wont" too
                    case 0x300...0x36F:
                        continue  // a combining accent typed on its own
                    case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                        // Full-width digits and letters, as typed with some input methods.
                        let ascii = value - 0xFEE0
                        out[count] = UInt8(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)
                        count += 1
                    default:
                        if let folded = foldedLetter(value) {
                            write(folded.utf8)
                        } else {
                            flush()
                        }
                    }
                }
                flush()
                finished(out, count)
            }
        }
    }

    /// What a character of U+0080 or above folds to, or nil when it separates words: a Latin
    /// letter without its accent, another letter or digit in lower case.
    static func foldedLetter(_ value: UInt32) -> String? {
        if let folded = latin[value] { return folded }
        guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
            return nil
        }
        return scalar.properties.lowercaseMapping
    }

    /// Accented and special Latin letters (U+00C0 to U+024F), folded to lower-case ASCII.
    static let latin: [UInt32: String] = [
        0xC0: "a", 0xC1: "a", 0xC2: "a", 0xC3: "a", 0xC4: "a", 0xC5: "a", 0xC6: "ae", 0xC7: "c",
        0xC8: "e", 0xC9: "e", 0xCA: "e", 0xCB: "e", 0xCC: "i", 0xCD: "i", 0xCE: "i", 0xCF: "i",
        0xD0: "d", 0xD1: "n", 0xD2: "o", 0xD3: "o", 0xD4: "o", 0xD5: "o", 0xD6: "o", 0xD8: "o",
        0xD9: "u", 0xDA: "u", 0xDB: "u", 0xDC: "u", 0xDD: "y", 0xDE: "th", 0xDF: "ss", 0xE0: "a",
        0xE1: "a", 0xE2: "a", 0xE3: "a", 0xE4: "a", 0xE5: "a", 0xE6: "ae", 0xE7: "c", 0xE8: "e",
        0xE9: "e", 0xEA: "e", 0xEB: "e", 0xEC: "i", 0xED: "i", 0xEE: "i", 0xEF: "i", 0xF0: "d",
        0xF1: "n", 0xF2: "o", 0xF3: "o", 0xF4: "o", 0xF5: "o", 0xF6: "o", 0xF8: "o", 0xF9: "u",
        0xFA: "u", 0xFB: "u", 0xFC: "u", 0xFD: "y", 0xFE: "th", 0xFF: "y", 0x100: "a", 0x101: "a",
        0x102: "a", 0x103: "a", 0x104: "a", 0x105: "a", 0x106: "c", 0x107: "c", 0x108: "c", 0x109: "c",
        0x10A: "c", 0x10B: "c", 0x10C: "c", 0x10D: "c", 0x10E: "d", 0x10F: "d", 0x110: "d", 0x111: "d",
        0x112: "e", 0x113: "e", 0x114: "e", 0x115: "e", 0x116: "e", 0x117: "e", 0x118: "e", 0x119: "e",
        0x11A: "e", 0x11B: "e", 0x11C: "g", 0x11D: "g", 0x11E: "g", 0x11F: "g", 0x120: "g", 0x121: "g",
        0x122: "g", 0x123: "g", 0x124: "h", 0x125: "h", 0x126: "h", 0x127: "h", 0x128: "i", 0x129: "i",
        0x12A: "i", 0x12B: "i", 0x12C: "i", 0x12D: "i", 0x12E: "i", 0x12F: "i", 0x130: "i", 0x131: "i",
        0x132: "ij", 0x133: "ij", 0x134: "j", 0x135: "j", 0x136: "k", 0x137: "k", 0x138: "k", 0x139: "l",
        0x13A: "l", 0x13B: "l", 0x13C: "l", 0x13D: "l", 0x13E: "l", 0x13F: "l", 0x140: "l", 0x141: "l",
        0x142: "l", 0x143: "n", 0x144: "n", 0x145: "n", 0x146: "n", 0x147: "n", 0x148: "n", 0x149: "n",
        0x14A: "ng", 0x14B: "ng", 0x14C: "o", 0x14D: "o", 0x14E: "o", 0x14F: "o", 0x150: "o", 0x151: "o",
        0x152: "oe", 0x153: "oe", 0x154: "r", 0x155: "r", 0x156: "r", 0x157: "r", 0x158: "r", 0x159: "r",
        0x15A: "s", 0x15B: "s", 0x15C: "s", 0x15D: "s", 0x15E: "s", 0x15F: "s", 0x160: "s", 0x161: "s",
        0x162: "t", 0x163: "t", 0x164: "t", 0x165: "t", 0x166: "t", 0x167: "t", 0x168: "u", 0x169: "u",
        0x16A: "u", 0x16B: "u", 0x16C: "u", 0x16D: "u", 0x16E: "u", 0x16F: "u", 0x170: "u", 0x171: "u",
        0x172: "u", 0x173: "u", 0x174: "w", 0x175: "w", 0x176: "y", 0x177: "y", 0x178: "y", 0x179: "z",
        0x17A: "z", 0x17B: "z", 0x17C: "z", 0x17D: "z", 0x17E: "z", 0x17F: "s", 0x1A0: "o", 0x1A1: "o",
        0x1AF: "u", 0x1B0: "u", 0x1CD: "a", 0x1CE: "a", 0x1CF: "i", 0x1D0: "i", 0x1D1: "o", 0x1D2: "o",
        0x1D3: "u", 0x1D4: "u", 0x1D5: "u", 0x1D6: "u", 0x1D7: "u", 0x1D8: "u", 0x1D9: "u", 0x1DA: "u",
        0x1DB: "u", 0x1DC: "u", 0x1DE: "a", 0x1DF: "a", 0x1E0: "a", 0x1E1: "a", 0x1E6: "g", 0x1E7: "g",
        0x1E8: "k", 0x1E9: "k", 0x1EA: "o", 0x1EB: "o", 0x1EC: "o", 0x1ED: "o", 0x1F0: "j", 0x1F4: "g",
        0x1F5: "g", 0x1F8: "n", 0x1F9: "n", 0x1FA: "a", 0x1FB: "a", 0x200: "a", 0x201: "a", 0x202: "a",
        0x203: "a", 0x204: "e", 0x205: "e", 0x206: "e", 0x207: "e", 0x208: "i", 0x209: "i", 0x20A: "i",
        0x20B: "i", 0x20C: "o", 0x20D: "o", 0x20E: "o", 0x20F: "o", 0x210: "r", 0x211: "r", 0x212: "r",
        0x213: "r", 0x214: "u", 0x215: "u", 0x216: "u", 0x217: "u", 0x218: "s", 0x219: "s", 0x21A: "t",
        0x21B: "t", 0x21E: "h", 0x21F: "h", 0x226: "a", 0x227: "a", 0x228: "e", 0x229: "e", 0x22A: "o",
        0x22B: "o", 0x22C: "o", 0x22D: "o", 0x22E: "o", 0x22F: "o", 0x230: "o", 0x231: "o", 0x232: "y",
        0x233: "y",
    ]
}
