import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A small stand-in for Chatwoot's API on a loopback port: it records every request the adapter
/// sends (messages and status changes) and answers like Chatwoot, `200` with the new message.
final class FakeChatwoot: Sendable {
    /// One request as it arrived.
    struct Request: Sendable {
        var path: String
        var accessToken: String?
        var body: Data
        /// The status the fake answered with.
        var status: Int = 200

        /// The JSON body as an object.
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        /// `content` of a posted message.
        var content: String? { json["content"] as? String }
        /// The `input_select` options of a posted message, as (title, value) pairs.
        var items: [[String: String]] {
            ((json["content_attributes"] as? [String: Any])?["items"] as? [[String: Any]] ?? []).map { item in
                item.compactMapValues { $0 as? String }
            }
        }
    }

    private let recorded = Recorded()

    /// Answers the next requests with these statuses (and `Retry-After`, when given), one each,
    /// before answering `200` again.
    func refuseNext(_ statuses: [Int], retryAfter: String? = nil) {
        recorded.refuse(statuses, retryAfter: retryAfter)
    }

    /// The requests Chatwoot took (answered `200`), in order.
    var taken: [Request] { requests.filter { $0.status == 200 } }

    /// Everything received so far, in order.
    var requests: [Request] { recorded.all }

    /// Runs `body` with the address the fake listens on, e.g. `http://localhost:54321`.
    func run(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        let recorded = recorded
        router.post("api/v1/accounts/:account/conversations/:conversation/:action") { request, context in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let (id, refusal) = recorded.append(Request(path: request.uri.path,
                                                        accessToken: request.headers[HTTPField.Name("api_access_token")!],
                                                        body: Data(buffer.readableBytesView)))
            if let refusal {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let retryAfter = refusal.retryAfter { headers[.retryAfter] = retryAfter }
                return Response(status: .init(code: refusal.status), headers: headers,
                                body: .init(byteBuffer: ByteBuffer(string: #"{"error":"refused"}"#)))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: #"{"id":\#(id)}"#)))
        }
        try await Application(router: router, logger: TestServer.quietLogger).test(.live) { client in
            let port = try #require(client.port)
            try await body("http://localhost:\(port)")
        }
    }

    /// Waits until at least `count` requests have arrived, checking every few milliseconds for
    /// up to a minute; the deadline only stops a broken test from hanging, it times nothing.
    func waitForRequests(_ count: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> [Request] {
        let deadline = ContinuousClock.now + .seconds(60)
        while recorded.count < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        let all = requests
        #expect(all.count >= count, "expected \(count) requests to Chatwoot, got \(all.count)", sourceLocation: sourceLocation)
        return all
    }

    private final class Recorded: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Request] = []
        private var refusals: [(status: Int, retryAfter: String?)] = []

        var all: [Request] { lock.withLock { list } }
        var count: Int { lock.withLock { list.count } }

        func refuse(_ statuses: [Int], retryAfter: String?) {
            lock.withLock { refusals += statuses.map { ($0, retryAfter) } }
        }

        /// Records `request`; returns its number and the refusal it gets, if any.
        func append(_ request: Request) -> (Int, (status: Int, retryAfter: String?)?) {
            lock.withLock {
                var request = request
                let refusal = refusals.isEmpty ? nil : refusals.removeFirst()
                request.status = refusal?.status ?? 200
                list.append(request)
                return (list.count, refusal)
            }
        }
    }
}
