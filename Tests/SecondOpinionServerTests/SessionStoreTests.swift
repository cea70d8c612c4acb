import Foundation
import Testing
@testable import SecondOpinionServer

/// One suite for every store: create, load, compare-and-swap, delete, expiry.
@Suite struct SessionStoreTests {
    static func record(_ id: String, revision: Int = 1, updatedAt: Date = Date(timeIntervalSince1970: 1_800_000_000)) -> StoredSession {
        StoredSession(id: id, tokenHash: SessionToken.hash("token-\(id)"), revision: revision, state: Data(#"{"r":\#(revision)}"#.utf8),
                      updatedAt: updatedAt)
    }

    @Test(arguments: StoreKind.testedKinds)
    func aCreatedSessionLoadsAsStored(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let record = Self.record("a")
            try await store.create(record)
            #expect(try await store.load(id: "a") == record)
            #expect(try await store.load(id: "b") == nil)
            #expect(try await store.count() == 1)
            try await store.ping()
        }
    }

    @Test(arguments: StoreKind.testedKinds)
    func creatingAnExistingIDIsAConflict(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.create(Self.record("a"))
            await #expect(throws: SessionStoreError.conflict) { try await store.create(Self.record("a", revision: 7)) }
            #expect(try await store.load(id: "a")?.revision == 1)
        }
    }

    @Test(arguments: StoreKind.testedKinds)
    func anUpdateAppliesOnlyOnTheExpectedRevision(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.create(Self.record("a"))
            try await store.update(Self.record("a", revision: 2), expectedRevision: 1)
            #expect(try await store.load(id: "a") == Self.record("a", revision: 2))
            await #expect(throws: SessionStoreError.conflict) { try await store.update(Self.record("a", revision: 3), expectedRevision: 1) }
            #expect(try await store.load(id: "a") == Self.record("a", revision: 2))
            await #expect(throws: SessionStoreError.notFound) { try await store.update(Self.record("zz", revision: 2), expectedRevision: 1) }
        }
    }

    @Test(arguments: StoreKind.testedKinds)
    func racingUpdatesOnOneRevisionApplyOnce(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.create(Self.record("a"))
            let applied = await withTaskGroup(of: Bool.self) { group in
                for attempt in 0..<20 {
                    group.addTask {
                        var record = Self.record("a", revision: 2)
                        record.state = Data("\(attempt)".utf8)
                        return (try? await store.update(record, expectedRevision: 1)) != nil
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(applied == 1)
            #expect(try await store.load(id: "a")?.revision == 2)
        }
    }

    /// Many sessions written at once (the SQLite store commits them in batches): every update
    /// lands exactly once, each racing pair applies one of its two, and an update of a missing
    /// session fails alone.
    @Test(arguments: StoreKind.testedKinds)
    func updatesArrivingTogetherEachKeepTheirOwnCompareAndSwap(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let ids = (0..<30).map { "s\($0)" }
            for id in ids { try await store.create(Self.record(id)) }
            for round in 1...4 {
                let outcomes = await withTaskGroup(of: (String, UpdateOutcome).self) { group in
                    for id in ids {
                        for racer in 0..<2 {
                            group.addTask {
                                var record = Self.record(id, revision: round + 1)
                                record.state = Data("\(id) round \(round) racer \(racer)".utf8)
                                return (id, await UpdateOutcome(of: { try await store.update(record, expectedRevision: round) }))
                            }
                        }
                    }
                    group.addTask {
                        ("missing", await UpdateOutcome(of: { try await store.update(Self.record("missing", revision: round + 1), expectedRevision: round) }))
                    }
                    return await group.reduce(into: [String: [UpdateOutcome]]()) { $0[$1.0, default: []].append($1.1) }
                }
                for id in ids {
                    #expect(outcomes[id]?.sorted() == [.applied, .conflict], "\(id), round \(round)")
                }
                #expect(outcomes["missing"] == [.notFound])
            }
            for id in ids {
                let stored = try #require(try await store.load(id: id))
                #expect(stored.revision == 5)
                #expect(String(decoding: stored.state, as: UTF8.self).hasPrefix("\(id) round 4 racer "))
            }
        }
    }

    @Test(arguments: StoreKind.testedKinds)
    func deleteRemovesTheSession(kind: StoreKind) async throws {
        try await kind.withStore { store in
            try await store.create(Self.record("a"))
            #expect(try await store.delete(id: "a"))
            #expect(try await store.load(id: "a") == nil)
            #expect(try await store.delete(id: "a") == false)
        }
    }

    @Test(arguments: StoreKind.testedKinds)
    func idleSessionsAreDeletedAndActiveOnesKept(kind: StoreKind) async throws {
        try await kind.withStore { store in
            let old = Date(timeIntervalSince1970: 1_800_000_000)
            try await store.create(Self.record("old", updatedAt: old))
            try await store.create(Self.record("new", updatedAt: old.addingTimeInterval(3600)))
            #expect(try await store.deleteIdle(before: old.addingTimeInterval(60)) == 1)
            #expect(try await store.load(id: "old") == nil)
            #expect(try await store.load(id: "new") != nil)
        }
    }
}

/// How one store update ended, comparable in expectations.
enum UpdateOutcome: Comparable {
    case applied, conflict, notFound, failed

    init(of update: () async throws -> Void) async {
        do {
            try await update()
            self = .applied
        } catch SessionStoreError.conflict {
            self = .conflict
        } catch SessionStoreError.notFound {
            self = .notFound
        } catch {
            self = .failed
        }
    }
}
