import Synchronization
import Testing
@testable import SecondOpinionServer

/// Turns on one session run one at a time in this process; other sessions are not held up.
@Suite struct SessionLocksTests {
    @Test func aSecondTurnOnTheSameSessionWaitsForTheFirstToRelease() async throws {
        let locks = SessionLocks()
        await locks.acquire("a")
        // Another session is free: this returns at once (a wrong lock would hang here).
        await locks.acquire("b")
        let order = Mutex<[String]>([])
        let second = Task {
            await locks.acquire("a")
            order.withLock { $0.append("second took it") }
            locks.release("a")
        }
        // Give the second turn time to queue; whether it has or not, it cannot run before the release.
        try await Task.sleep(for: .milliseconds(50))
        order.withLock { $0.append("first released it") }
        locks.release("a")
        await second.value
        #expect(order.withLock { $0 } == ["first released it", "second took it"])
        // Released by its last holder, the session is free again.
        await locks.acquire("a")
        locks.release("a")
        locks.release("b")
    }

    @Test func waitingTurnsTakeTheLockInTheOrderTheyQueued() async throws {
        let locks = SessionLocks()
        await locks.acquire("a")
        let order = Order()
        var waiters: [Task<Void, Never>] = []
        for number in 1...3 {
            waiters.append(Task {
                await locks.acquire("a")
                order.numbers.withLock { $0.append(number) }
                locks.release("a")
            })
            // Each waiter queues before the next starts: polled until it is in the queue.
            while locks.waitingCount("a") < number { await Task.yield() }
        }
        locks.release("a")
        for waiter in waiters { await waiter.value }
        #expect(order.numbers.withLock { $0 } == [1, 2, 3])
    }

    private final class Order: Sendable {
        let numbers = Mutex<[Int]>([])
    }
}
