import Foundation
import Testing
@testable import SecondOpinionServer

/// The adapter's queue and replay memory: work of one conversation in arrival order while other
/// conversations go on, and delivery ids remembered exactly as long as they could come back.
@Suite struct ChatwootWorkQueueTests {
    actor Log {
        private(set) var entries: [String] = []

        func add(_ entry: String) { entries.append(entry) }

        func contains(_ entry: String) -> Bool { entries.contains(entry) }
    }

    @Test func oneConversationsJobsRunInOrderWhileOthersGoOn() async throws {
        let queue = ChatwootWorkQueue()
        let log = Log()
        let (gate, open) = AsyncStream<Void>.makeStream()
        await queue.enqueue("7/1") {
            await log.add("1: first starts")
            for await _ in gate { break }
            await log.add("1: first ends")
        }
        await queue.enqueue("7/1") { await log.add("1: second") }
        await queue.enqueue("7/2") { await log.add("2: only") }
        // The other conversation is answered while the first one's job still waits.
        while !(await log.contains("2: only")) { await Task.yield() }
        #expect(!(await log.contains("1: second")))
        open.yield()
        open.finish()
        await queue.drain()
        let entries = await log.entries
        #expect(entries.filter { $0.hasPrefix("1:") } == ["1: first starts", "1: first ends", "1: second"])
        #expect(entries.count == 4)
    }

    @Test func aDeliveryIsRememberedUntilItsTimestampIsTooOldAnyway() async {
        let deliveries = ChatwootDeliveries(tolerance: .seconds(300))
        let sent = Date(timeIntervalSince1970: 1_764_650_000)
        #expect(await deliveries.isFirst("d-1", sent: sent, now: sent))
        #expect(!(await deliveries.isFirst("d-1", sent: sent, now: sent.addingTimeInterval(299))))
        #expect(await deliveries.isFirst("d-2", sent: sent, now: sent.addingTimeInterval(299)))
        // Past the tolerance the signature check refuses it before it gets here.
        #expect(await deliveries.isFirst("d-1", sent: sent.addingTimeInterval(301), now: sent.addingTimeInterval(301)))
    }
}
