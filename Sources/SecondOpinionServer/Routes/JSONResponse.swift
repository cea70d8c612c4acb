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
}
