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
