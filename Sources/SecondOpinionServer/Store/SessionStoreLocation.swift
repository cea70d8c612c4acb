import Foundation
import Logging

/// Which store `--store` names: `memory`, `sqlite:PATH` or
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE`.
public enum SessionStoreLocation: Sendable, Equatable {
    case memory
    case sqlite(path: String)
    case postgres(url: String)

    /// Parses a `--store` value; nil when it names no store.
    public init?(_ text: String) {
        if text == "memory" {
            self = .memory
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { return nil }
            self = .sqlite(path: path)
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            return nil
        }
    }

    /// The default: `sessions.sqlite` in `$XDG_DATA_HOME/second-opinion/` (or
    /// `~/.local/share/second-opinion/`).
    public static func defaultLocation(environment: [String: String]) -> SessionStoreLocation {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return .sqlite(path: base + "/second-opinion/sessions.sqlite")
    }

    /// Opens the store.
    public func open(logger: Logger) throws -> any SessionStore {
        switch self {
        case .memory: MemorySessionStore()
        case .sqlite(let path): try SQLiteSessionStore(path: path)
        case .postgres(let url): try PostgresSessionStore(url: url, logger: logger)
        }
    }
}
