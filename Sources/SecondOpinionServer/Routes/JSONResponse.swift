import DialogEngine
import Foundation
import Hummingbird

/// JSON responses with the wire encoder's settings, so a turn inside a response is byte for byte
/// the object `chat --json` writes.
enum JSONResponse {
    static let encoder = Turn.wireEncoder

    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, revision: Int? = nil) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let revision { headers[.eTag] = "\"\(revision)\"" }
        let data = try encoder.encode(value)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A response for the bodies sent on every turn, written directly: the same bytes as
    /// ``make(_:status:revision:)`` would make of them (keys sorted), without `JSONEncoder`.
    static func make(_ value: some JSONWritableBody, status: HTTPResponse.Status = .ok, revision: Int? = nil) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let revision { headers[.eTag] = "\"\(revision)\"" }
        var writer = JSONWriter(capacity: 4 * 1_024)
        try value.write(to: &writer)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }
}

/// A response body that writes its own JSON (keys in sorted order, as the wire encoder sorts them).
protocol JSONWritableBody: Encodable {
    func write(to writer: inout JSONWriter) throws(JSONWriter.InvalidValue)
}
