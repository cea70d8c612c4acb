import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SecondOpinionServer

/// Who a request is from, for the per-address limit: the peer, or behind trusted proxies the
/// client that `X-Forwarded-For` names, never an address the client chose itself.
@Suite struct ClientAddressTests {
    @Test(arguments: [
        ("10.0.0.0/8", "10.200.3.4", true), ("10.0.0.0/8", "11.0.0.1", false),
        ("192.168.1.0/25", "192.168.1.127", true), ("192.168.1.0/25", "192.168.1.128", false),
        ("127.0.0.1", "127.0.0.1", true), ("127.0.0.1", "127.0.0.2", false),
        ("0.0.0.0/0", "203.0.113.9", true), ("0.0.0.0/0", "::1", false),
        ("fd00::/8", "fd12:3456::1", true), ("fd00::/8", "fe80::1", false),
        ("::1", "::1", true), ("::1", "127.0.0.1", false), ("10.0.0.0/8", "not an address", false),
        // A server listening on :: sees IPv4 clients as mapped addresses.
        ("127.0.0.1", "::ffff:127.0.0.1", true), ("10.0.0.0/8", "::ffff:10.9.8.7", true), ("::ffff:10.0.0.0/104", "10.1.1.1", true),
    ])
    func aRangeHoldsTheAddressesOfItsPrefix(_ range: String, _ address: String, _ inside: Bool) throws {
        #expect(try #require(IPRange(range)).contains(address) == inside)
    }

    @Test(arguments: ["", "10.0.0.0/", "10.0.0.0/33", "::ffff:10.0.0.0/95", "::/129", "10.0.0.0/8/1", "10.0.0.0/+8", "proxy.internal", "10.0.0", "1.2.3.4/ 8"])
    func whatIsNotARange(_ text: String) {
        #expect(IPRange(text) == nil)
    }

    static let proxies = [IPRange("127.0.0.1")!, IPRange("10.0.0.0/8")!]

    @Test(arguments: [
        // Not from a trusted proxy: the header is the client's own word.
        ("203.0.113.5", ["198.51.100.1"], "203.0.113.5"),
        // From the proxy: the address it saw.
        ("127.0.0.1", ["198.51.100.1"], "198.51.100.1"),
        // A client's own X-Forwarded-For is to the left of what the proxy added: not used.
        ("127.0.0.1", ["6.6.6.6, 198.51.100.1"], "198.51.100.1"),
        ("127.0.0.1", ["6.6.6.6", "198.51.100.1"], "198.51.100.1"),
        // Through two trusted proxies.
        ("127.0.0.1", ["198.51.100.1, 10.1.2.3"], "198.51.100.1"),
        // Nothing forwarded, or garbage: the last trusted hop.
        ("127.0.0.1", [], "127.0.0.1"),
        ("127.0.0.1", ["unknown"], "127.0.0.1"),
        ("127.0.0.1", ["198.51.100.1, unknown"], "127.0.0.1"),
        ("127.0.0.1", ["10.1.2.3"], "10.1.2.3"),
        ("127.0.0.1", [" 2001:db8::7 "], "2001:db8::7"),
        // Entries with the client's port.
        ("127.0.0.1", ["198.51.100.1:5678"], "198.51.100.1"),
        ("127.0.0.1", ["[2001:db8::7]:443"], "2001:db8::7"),
        ("::ffff:127.0.0.1", ["198.51.100.1"], "198.51.100.1"),
    ])
    func theClientIsTheNearestUntrustedHop(_ peer: String, _ forwarded: [String], _ client: String) {
        #expect(ClientAddress.resolve(peer: peer, forwardedFor: forwarded, trusted: Self.proxies) == client)
    }

    @Test func withoutTrustedProxiesThePeerIsTheClient() {
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["198.51.100.1"], trusted: []) == "127.0.0.1")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: ["198.51.100.1"], trusted: Self.proxies) == "local")
    }

    /// Over a real socket from 127.0.0.1: behind a trusted proxy each forwarded client has its
    /// own budget; without the setting the header changes nothing and all share the peer's.
    @Test(arguments: [true, false])
    func eachClientBehindATrustedProxyHasItsOwnLimit(trusted: Bool) async throws {
        let configuration = TestServer.configuration {
            $0.addressLimit = RateLimit(perSecond: 0.01, burst: 2)
            if trusted { $0.trustedProxies = [IPRange("127.0.0.1")!] }
        }
        let statuses = try await TestServer.app(configuration: configuration).test(.live) { client in
            var statuses: [HTTPResponse.Status] = []
            for forwarded in ["198.51.100.1", "198.51.100.1", "198.51.100.1", "198.51.100.2"] {
                let response = try await client.execute(uri: "/v1/sessions", method: .post,
                                                        headers: [RateLimitMiddleware.forwardedFor: forwarded])
                statuses.append(response.status)
            }
            return statuses
        }
        #expect(statuses == (trusted ? [.created, .created, .tooManyRequests, .created] : [.created, .created, .tooManyRequests, .tooManyRequests]))
    }
}
