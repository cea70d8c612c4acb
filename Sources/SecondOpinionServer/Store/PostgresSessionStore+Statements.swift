import Foundation
import PostgresNIO

/// The statements of every turn, prepared once per connection: PostgreSQL parses and plans them
/// once instead of for every turn, and each still takes one round trip.
extension PostgresSessionStore {
    struct LoadSession: PostgresPreparedStatement {
        static let sql = "SELECT id, token_hash, revision, state, updated_at FROM session WHERE id = $1"
        typealias Row = (String, Data, Int, Data, Date)

        var id: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(id)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try row.decode(Row.self)
        }
    }

    /// Compare-and-swap: changes the row only when its revision is still `expectedRevision`.
    struct UpdateSession: PostgresPreparedStatement {
        static let sql = """
            UPDATE session SET token_hash = $1, revision = $2, state = $3, updated_at = $4
            WHERE id = $5 AND revision = $6
            RETURNING id
            """
        typealias Row = String

        var session: StoredSession
        var expectedRevision: Int

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 6)
            try bindings.append(session.tokenHash)
            bindings.append(session.revision)
            try bindings.append(session.state)
            bindings.append(session.updatedAt)
            bindings.append(session.id)
            bindings.append(expectedRevision)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            try row.decode(String.self)
        }
    }
}
