import Foundation

/// The stored form of a ``DialogSession``: the session plus a format version and the id and
/// version of the bundle it was made with, so a save made for other dialogs is recognised.
public struct SavedSession: Codable, Sendable, Equatable {
    /// The format this code writes. Saves with a higher format are refused.
    public static let currentFormat = 1

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

    public var description: String {
        switch code {
        case .unreadable: "this is not a saved conversation (\(detail))"
        case .newerFormat: "this conversation was saved by a newer version (format \(detail)); update the program to open it"
        case .otherBundle: "this conversation was saved with other dialogs ('\(detail)') and cannot continue here"
        }
    }
}

extension DialogEngine {
    /// Restores a saved session. When the dialogs changed since it was saved, it keeps what still
    /// fits: the position moves to the start of its flow (or the beginning) if its node is gone,
    /// and variables or plan items the dialogs no longer have are dropped. `notes` says what
    /// changed, in the session's language-neutral words for the front end to show.
    public func restore(_ data: Data) throws(SessionRestoreError) -> (session: DialogSession, notes: [String]) {
        struct Header: Decodable { var format: Int?; var bundleID: String? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), let format = header.format else {
            throw SessionRestoreError(code: .unreadable, detail: "no format version")
        }
        guard format <= SavedSession.currentFormat else { throw SessionRestoreError(code: .newerFormat, detail: String(format)) }
        guard header.bundleID == bundle.id else { throw SessionRestoreError(code: .otherBundle, detail: header.bundleID ?? "?") }
        let saved: SavedSession
        do {
            saved = try JSONDecoder().decode(SavedSession.self, from: data)
        } catch {
            throw SessionRestoreError(code: .unreadable, detail: "\(error)")
        }
        var session = saved.session
        var notes: [String] = []
        if saved.bundleVersion != bundle.version {
            notes.append("saved with dialogs version \(saved.bundleVersion); now \(bundle.version)")
        }
        if !compiled.languages.contains(session.language) {
            notes.append("language '\(session.language)' is no longer available; using '\(compiled.defaultLanguage)'")
            session.language = compiled.defaultLanguage
        }
        if let position = session.position, compiled.nodeIndex[position].map({ !compiled.nodes[$0].waitsForInput }) ?? true {
            let flowID = String(position.split(separator: ":").first ?? "")
            let restart = compiled.flowIndex[flowID].map { compiled.flows[$0].start.target } ?? compiled.flows[compiled.entryFlow].start.target
            notes.append("the question '\(position)' no longer exists; continuing from the start of its topic")
            var builder = TurnBuilder(outcome: .command)
            session.position = nil
            run(from: restart, in: &session, builder: &builder)
        }
        session.callStack = session.callStack.filter { compiled.nodeIndex[$0] != nil }
        for (name, value) in session.variables {
            guard let declaration = compiled.variables[name], declaration.type.base == value.type else {
                session.variables[name] = nil
                notes.append("dropped the answer '\(name)', which the dialogs no longer use")
                continue
            }
        }
        let planBefore = session.plan.count
        session.plan = session.plan.filter { compiled.nodeIndex[$0.node] != nil }
        if session.plan.count < planBefore { notes.append("dropped \(planBefore - session.plan.count) plan item(s) the dialogs no longer have") }
        session.history = session.history.filter { $0.position.map { compiled.nodeIndex[$0] != nil } ?? true }
        session.offeredFlow = session.offeredFlow.flatMap { compiled.flowIndex[$0] != nil ? $0 : nil }
        return (session, notes)
    }
}
