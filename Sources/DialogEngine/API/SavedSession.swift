#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The stored form of a ``DialogSession``: the session plus a format version and the id and
/// version of the bundle it was made with, so a save made for other dialogs is recognised.
public struct SavedSession: Codable, Sendable, Equatable {
    /// The format this code writes. Saves with a higher format are refused.
    public static let currentFormat = 1

    /// The largest save ``DialogEngine/restore(_:)`` reads, in bytes. A session with a full
    /// transcript and a full undo history stays far below it; anything larger is not one of ours.
    public static let maximumSize = 8 * 1024 * 1024

    /// The save's format version.
    public var format: Int
    /// The id of the bundle the session ran on.
    public var bundleID: String
    /// The version of the bundle the session ran on.
    public var bundleVersion: String
    /// The conversation itself.
    public var session: DialogSession

    /// Wraps `session` for storage, stamped with `engine`'s bundle.
    public init(_ session: DialogSession, engine: DialogEngine) {
        format = Self.currentFormat
        bundleID = engine.bundle.id
        bundleVersion = engine.bundle.version
        self.session = session
    }

    /// The save as pretty-printed JSON (stable key order, so saves diff well).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Writes the save to `url` atomically: a crash mid-write leaves the old file intact.
    public func write(to url: URL) throws {
        try encoded().write(to: url, options: .atomic)
    }
}

/// Why a saved session could not be restored.
public struct SessionRestoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Code: String, Sendable {
        /// The data is not a saved session.
        case unreadable
        /// The save was written by a newer version of the program.
        case newerFormat
        /// The save belongs to other dialogs.
        case otherBundle
        /// The save is larger than ``SavedSession/maximumSize``.
        case tooLarge
    }

    /// What went wrong.
    public var code: Code
    /// The detail to show.
    public var detail: String

    /// Creates an error.
    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The error in English, as ``message(pack:)`` writes it with the engine's English pack.
    public var description: String { message(pack: LanguagePack.fallback) }

    /// The error in the words of `pack` (its `restoreError.*` messages), for the person who
    /// tried to open the save.
    public func message(pack: LanguagePack) -> String {
        pack.message("restoreError.\(code.rawValue)", ["detail": detail, "limit": String(SavedSession.maximumSize)])
    }
}
