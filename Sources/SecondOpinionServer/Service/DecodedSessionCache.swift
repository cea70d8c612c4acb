import Foundation
import Synchronization

/// The sessions this instance decoded or wrote most recently, so a turn on a busy session does
/// not decode the stored JSON again (decoding was about a quarter of a turn's time).
///
/// An entry is used only when the stored bytes are exactly the bytes it was made from, so a write
/// by another server instance, or a session deleted and made again under the same id, is never
/// answered from here. Two generations keep the recently used ones without a full LRU list.
final class DecodedSessionCache: Sendable {
    private struct Entry {
        var bytes: Data
        var state: SessionState
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
        generations.withLock { generations in
            if let entry = generations.current[id] {
                return entry.bytes == bytes ? entry.state : nil
            }
            guard let entry = generations.previous.removeValue(forKey: id), entry.bytes == bytes else { return nil }
            Self.insert(entry, for: id, into: &generations, size: generationSize)
            return entry.state
        }
    }

    /// Remembers `state`, stored as `bytes`, for session `id`.
    func remember(_ state: SessionState, bytes: Data, for id: String) {
        generations.withLock { Self.insert(Entry(bytes: bytes, state: state), for: id, into: &$0, size: generationSize) }
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
