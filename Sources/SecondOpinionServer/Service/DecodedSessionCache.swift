import Foundation
import Synchronization

/// The sessions this instance decoded or wrote most recently, so a turn on a busy session does
/// not decode the stored JSON again (decoding was about a quarter of a turn's time).
///
/// A read uses an entry only when the stored bytes are exactly the bytes it was made from, so a
/// write by another server instance is never answered from here. A turn may start from
/// ``latest(for:)`` without reading the store, because its write compares and swaps on the
/// revision: when another instance wrote since, the write fails and the turn reads the store.
/// Two generations keep the recently used ones without a full LRU list.
final class DecodedSessionCache: Sendable {
    private struct Entry {
        var record: StoredSession
        var state: SessionState
        /// This instance's copy was found behind the store before (another instance writes this
        /// session too), so turns read the store first instead of losing a compare-and-swap.
        var readFirst = false
    }

    private struct Generations {
        var current: [String: Entry] = [:]
        var previous: [String: Entry] = [:]
    }

    private let generations = Mutex(Generations())
    private let generationSize: Int

    /// Keeps about `capacity` sessions (between half of it and all of it).
    init(capacity: Int = 2_048) {
        generationSize = max(1, capacity / 2)
    }

    /// The decoded state of `bytes` for session `id`, if this instance has it.
    func state(for id: String, bytes: Data) -> SessionState? {
        guard let entry = entry(for: id), entry.record.state == bytes else { return nil }
        return entry.state
    }

    /// The record and state this instance last read or wrote for session `id`; another instance
    /// may have written a newer one since. Nil once the copy was found behind (see ``markBehind(_:)``).
    func latest(for id: String) -> (record: StoredSession, state: SessionState)? {
        entry(for: id).flatMap { $0.readFirst ? nil : ($0.record, $0.state) }
    }

    /// Remembers `state`, stored as `record`, unless a newer revision is already remembered (a
    /// read that started before this instance's own write may finish after it).
    func remember(_ state: SessionState, record: StoredSession) {
        generations.withLock { generations in
            let existing = generations.current[record.id] ?? generations.previous[record.id]
            if let existing, existing.record.revision > record.revision { return }
            let readFirst = existing?.readFirst ?? false
            Self.insert(Entry(record: record, state: state, readFirst: readFirst), for: record.id, into: &generations, size: generationSize)
        }
    }

    /// Notes that this instance's copy of session `id` was behind the store: from now on
    /// ``latest(for:)`` does not offer it, and turns on it read the store first.
    func markBehind(_ id: String) {
        generations.withLock { generations in
            generations.current[id]?.readFirst = true
            generations.previous[id]?.readFirst = true
        }
    }

    private func entry(for id: String) -> Entry? {
        generations.withLock { generations in
            if let entry = generations.current[id] { return entry }
            guard let entry = generations.previous.removeValue(forKey: id) else { return nil }
            Self.insert(entry, for: id, into: &generations, size: generationSize)
            return entry
        }
    }

    /// Forgets session `id` (deleted or expired).
    func forget(_ id: String) {
        generations.withLock {
            $0.current.removeValue(forKey: id)
            $0.previous.removeValue(forKey: id)
        }
    }

    private static func insert(_ entry: Entry, for id: String, into generations: inout Generations, size: Int) {
        if generations.current[id] == nil, generations.current.count >= size {
            generations.previous = generations.current
            generations.current = [:]
        }
        generations.current[id] = entry
    }
}
