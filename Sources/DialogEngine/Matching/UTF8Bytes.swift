#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a `String`'s UTF-8 bytes directly, where the scalar and character views cost too much
/// per byte (normalizing typed text, measuring every text at load).
enum UTF8Bytes {
    /// The scalar whose UTF-8 encoding starts at `index` (a lead byte of 0x80 or more in valid
    /// UTF-8, as every `String` holds), and how many bytes it takes.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        let value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }
}

extension String {
    /// Whether the string's UTF-8 bytes are exactly `bytes`: a length check and a memory
    /// compare, where `utf8.elementsEqual` walks the view's iterator a byte at a time.
    func hasUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count == bytes.count else { return false }
        return utf8.withContiguousStorageIfAvailable { own in
            own.count == 0 || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0
        } ?? utf8.elementsEqual(bytes)
    }

    /// Whether every byte is ASCII. Then bytes are characters: two such strings are equal
    /// exactly when their bytes are, and a byte search finds what a `Character` search would.
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
