import Foundation
import Hummingbird
import Prometheus

/// Health, readiness, metrics and the API description, for operators and client generators.
struct OperationRoutes {
    let store: any SessionStore
    let metrics: ServerMetrics
    let readinessTimeout: Duration

    func add(to router: Router<ServerRequestContext>) {
        router.get("healthz") { _, _ in
            try JSONResponse.make(["status": "ok"])
        }
        let probe = StoreProbe(store: store)
        router.get("readyz") { _, _ in
            guard await probe.answers(within: readinessTimeout) else {
                throw APIError(.storeUnavailable, "The session store is not answering; try again shortly.")
            }
            return try JSONResponse.make(["status": "ready"])
        }
        router.get("metrics") { _, _ in
            // The gauge is read when scraped, so it is right even between expiry sweeps.
            if let count = try? await store.count() { metrics.activeSessions.set(to: Double(count)) }
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: metrics.registry.emitToBuffer())))
        }
        router.get("openapi.yaml") { _, _ in
            guard let text = OpenAPIDocument.text else {
                throw APIError(.internalError, "The API description is missing from this installation.")
            }
            return Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}

/// The OpenAPI 3.1 description of the API, shipped as a resource of this target.
public enum OpenAPIDocument {
    /// The document's text, or nil when the resource is missing.
    public static var text: String? {
        ServerResources.url(forResource: "openapi", withExtension: "yaml").flatMap { try? String(contentsOf: $0, encoding: .utf8) }
    }
}
