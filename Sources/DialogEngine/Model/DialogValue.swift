#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A value a variable can hold: true/false, a number or a text.
///
/// Encodes as the plain JSON value (`true`, `3`, `"basic"`), so saved sessions stay readable.
public enum DialogValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A yes/no value.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A text, also used for one-of values.
    case text(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let flag): try container.encode(flag)
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        }
    }

    /// The value as shown in a message: numbers without a needless `.0`.
    public var description: String { formatted(decimalSeparator: ".") }

    /// The value as shown in a message in `language`, as the engine's language pack for it writes
    /// numbers (Dutch writes 2,5 where English writes 2.5). A bundle's own packs are used through
    /// ``LanguagePack/format(_:)``.
    public func formatted(language: String) -> String {
        formatted(decimalSeparator: (LanguagePack.builtIn[language] ?? LanguagePack.fallback).decimalSeparator)
    }

    func formatted(decimalSeparator: String) -> String {
        switch self {
        case .bool(let flag): return flag ? "true" : "false"
        case .text(let text): return text
        case .number(let number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            let text = String(number)
            return decimalSeparator == "." ? text : text.replacing(scalar: ".", with: decimalSeparator)
        }
    }

    var type: ValueType {
        switch self {
        case .bool: .bool
        case .number: .number
        case .text: .text
        }
    }
}
