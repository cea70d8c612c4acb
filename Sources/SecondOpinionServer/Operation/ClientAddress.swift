import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A range of IP addresses in CIDR form (`10.0.0.0/8`, `::1/128`; a bare address is the range of
/// that one address): the proxies in front of the server whose `X-Forwarded-For` is believed.
public struct IPRange: Sendable, Equatable, CustomStringConvertible {
    /// The network's address bytes (4 for IPv4, 16 for IPv6).
    let network: [UInt8]
    /// How many leading bits must match.
    let prefixLength: Int

    /// Parses `ADDRESS` or `ADDRESS/BITS`; nil when it is neither.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let bytes = Self.bytes(of: String(parts[0])) else { return nil }
        // A mapped IPv4 range (`::ffff:10.0.0.0/104`) counts its bits in IPv6's 128.
        let mapped = bytes.count == 4 && parts[0].contains(":")
        let length: Int
        if parts.count == 2 {
            guard let bits = Int(parts[1]), parts[1].allSatisfy(\.isNumber) else { return nil }
            length = mapped ? bits - 96 : bits
            guard (0...bytes.count * 8).contains(length) else { return nil }
        } else {
            length = bytes.count * 8
        }
        (network, prefixLength) = (bytes, length)
    }

    /// Whether `address` (text) lies in the range; false for anything that is not an address or
    /// is of the other family.
    public func contains(_ address: String) -> Bool {
        Self.bytes(of: address).map(contains(bytes:)) ?? false
    }

    /// Whether an address already read (``bytes(of:)``) lies in the range.
    func contains(bytes: [UInt8]) -> Bool {
        guard bytes.count == network.count else { return false }
        var remaining = prefixLength
        for (have, want) in zip(bytes, network) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if have & mask != want & mask { return false }
            remaining -= 8
        }
        return true
    }

    public var description: String {
        let text = network.count == 4 ? network.map(String.init).joined(separator: ".") : Self.text(ofIPv6: network)
        return "\(text)/\(prefixLength)"
    }

    /// The address's bytes: 4 for dotted IPv4, 16 for IPv6; nil for anything else.
    /// An IPv4 address mapped into IPv6 (`::ffff:127.0.0.1`, how a server listening on `::`
    /// sees an IPv4 client) is its 4 IPv4 bytes, so it matches an IPv4 range.
    static func bytes(of text: String) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 16)
        if buffer.withUnsafeMutableBytes({ inet_pton(AF_INET, text, $0.baseAddress) }) == 1 { return Array(buffer.prefix(4)) }
        guard buffer.withUnsafeMutableBytes({ inet_pton(AF_INET6, text, $0.baseAddress) }) == 1 else { return nil }
        if buffer.prefix(10).allSatisfy({ $0 == 0 }) && buffer[10] == 0xFF && buffer[11] == 0xFF { return Array(buffer.suffix(4)) }
        return buffer
    }

    private static func text(ofIPv6 bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let written = bytes.withUnsafeBytes { inet_ntop(AF_INET6, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        guard written != nil else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension [IPRange] {
    /// Whether `address` lies in any of the ranges; the address is read once.
    func containAddress(_ address: String) -> Bool {
        IPRange.bytes(of: address).map(containAddress(bytes:)) ?? false
    }

    func containAddress(bytes: [UInt8]) -> Bool {
        contains { $0.contains(bytes: bytes) }
    }
}

/// Who a request comes from, for the per-address rate limit. The peer's own address, unless the
/// peer is a trusted proxy: then the `X-Forwarded-For` entries are read from the right (the
/// hop nearest the server) and the first that is not a trusted proxy is the client, as nginx's
/// `real_ip_recursive` does. Entries further left are the client's own word and never used, so
/// a client cannot pick its address; an entry that is not an address ends the walk at the
/// last trusted hop.
enum ClientAddress {
    static func resolve(peer: String?, forwardedFor: [String], trusted: [IPRange]) -> String {
        guard let peer else { return "local" }
        guard trusted.containAddress(peer) else { return peer }
        var client = peer
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { withoutPort($0.trimmingCharacters(in: .whitespaces)) }
        for hop in hops.reversed() {
            guard let bytes = IPRange.bytes(of: hop) else { break }
            client = hop
            if !trusted.containAddress(bytes: bytes) { break }
        }
        return client
    }

    /// Some proxies write the client's port too: `1.2.3.4:5678`, `[2001:db8::1]:443`.
    static func withoutPort(_ hop: String) -> String {
        if hop.hasPrefix("["), let close = hop.firstIndex(of: "]") {
            return String(hop[hop.index(after: hop.startIndex)..<close])
        }
        if hop.filter({ $0 == ":" }).count == 1, let colon = hop.firstIndex(of: ":") {
            return String(hop[..<colon])
        }
        return hop
    }
}
