import Crypto
import Foundation

/// Checks that a webhook came from our Chatwoot and is fresh. Chatwoot (4.13 and later, for
/// Agent Bots) signs `"{X-Chatwoot-Timestamp}.{raw body}"` with HMAC-SHA256 and the bot's
/// secret, and sends `X-Chatwoot-Signature: sha256=<hex>`.
struct ChatwootSignature: Sendable {
    private let key: SymmetricKey
    private let tolerance: Duration

    init(secret: String, tolerance: Duration) {
        key = SymmetricKey(data: Data(secret.utf8))
        self.tolerance = tolerance
    }

    /// The signed time of a webhook whose headers and body check out; else an error that says
    /// which header is wrong.
    func verify(timestamp: String?, signature: String?, body: [UInt8], now: Date) throws(APIError) -> Date {
        guard let signature, !signature.isEmpty else {
            throw APIError(.unauthorized, "The webhook is not signed; set the Agent Bot's secret in Chatwoot and on this server.",
                           at: "X-Chatwoot-Signature")
        }
        guard let timestamp, let seconds = Int(timestamp.trimmingCharacters(in: .whitespaces)) else {
            throw APIError(.unauthorized, "X-Chatwoot-Timestamp must be the time of sending in Unix seconds.", at: "X-Chatwoot-Timestamp")
        }
        guard let code = Self.digest(signature) else {
            throw APIError(.unauthorized, "X-Chatwoot-Signature must look like sha256=<64 hex digits>.", at: "X-Chatwoot-Signature")
        }
        var signed = Data(String(seconds).utf8)
        signed.append(UInt8(ascii: "."))
        signed.append(contentsOf: body)
        // isValidAuthenticationCode compares in constant time.
        guard HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: signed, using: key) else {
            throw APIError(.unauthorized, "The webhook signature does not match; check that this server has the Agent Bot's secret.",
                           at: "X-Chatwoot-Signature")
        }
        let sent = Date(timeIntervalSince1970: TimeInterval(seconds))
        let limit = TimeInterval(tolerance.components.seconds)
        // Checked after the signature, so an unsigned request learns nothing about our clock.
        guard abs(sent.timeIntervalSince(now)) <= limit else {
            throw APIError(.unauthorized, "The webhook was sent more than \(Int(limit / 60)) minutes from this server's time; check both clocks.",
                           at: "X-Chatwoot-Timestamp")
        }
        return sent
    }

    /// The signature the header holds, or nil when it is not `sha256=` and 64 hex digits.
    static func digest(_ header: String) -> Data? {
        let prefix = "sha256="
        guard header.hasPrefix(prefix) else { return nil }
        let hex = Array(header.utf8.dropFirst(prefix.utf8.count))
        guard hex.count == 64 else { return nil }
        var bytes = Data(capacity: 32)
        var index = 0
        while index < hex.count {
            guard let high = nibble(hex[index]), let low = nibble(hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// The header value Chatwoot would send for `body` at `timestamp` (for tests and tools).
    func sign(_ body: [UInt8], timestamp: Int) -> String {
        var signed = Data(String(timestamp).utf8)
        signed.append(UInt8(ascii: "."))
        signed.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: key)
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
