/// An error the API returns: a stable ``Code`` for programs, a status, and a message for people
/// that says what to do. The body is `{"error":{"code":…,"message":…,"where":…}}`.
public struct APIError: Error, Sendable, Equatable {
    /// The stable error codes, listed in `Resources/openapi.yaml`.
    public enum Code: String, Sendable, CaseIterable {
        case invalidJSON = "invalid_json"
        case invalidUTF8 = "invalid_utf8"
        case unknownField = "unknown_field"
        case wrongType = "wrong_type"
        case invalidRequest = "invalid_request"
        case unknownChoice = "unknown_choice"
        case unknownCommand = "unknown_command"
        case unsupportedLanguage = "unsupported_language"
        case invalidRevision = "invalid_revision"
        case unauthorized
        case sessionNotFound = "session_not_found"
        case routeNotFound = "route_not_found"
        case methodNotAllowed = "method_not_allowed"
        case revisionMismatch = "revision_mismatch"
        case busy
        case bodyTooLarge = "body_too_large"
        case unsupportedMediaType = "unsupported_media_type"
        case idempotencyKeyReused = "idempotency_key_reused"
        case rateLimited = "rate_limited"
        case internalError = "internal_error"
        case storeUnavailable = "store_unavailable"

        /// The HTTP status of this code.
        public var status: Int {
            switch self {
            case .invalidJSON, .invalidUTF8, .unknownField, .wrongType, .invalidRequest, .unknownChoice, .unknownCommand,
                 .unsupportedLanguage, .invalidRevision: 400
            case .unauthorized: 401
            case .sessionNotFound, .routeNotFound: 404
            case .methodNotAllowed: 405
            case .revisionMismatch, .busy: 409
            case .bodyTooLarge: 413
            case .unsupportedMediaType: 415
            case .idempotencyKeyReused: 422
            case .rateLimited: 429
            case .internalError: 500
            case .storeUnavailable: 503
            }
        }
    }

    /// What went wrong.
    public var code: Code
    /// What to do about it, in English.
    public var message: String
    /// Where in the request the problem is (a JSON path such as `$.text`, or `line 1, column 9`).
    public var location: String?
    /// Seconds to wait before trying again, for ``Code/rateLimited``.
    public var retryAfter: Int?
    /// The methods the path takes, for ``Code/methodNotAllowed`` (the `Allow` header).
    public var allowedMethods: [String]?

    /// Creates an error.
    public init(_ code: Code, _ message: String, at location: String? = nil, retryAfter: Int? = nil, allowedMethods: [String]? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.retryAfter = retryAfter
        self.allowedMethods = allowedMethods
    }
}
