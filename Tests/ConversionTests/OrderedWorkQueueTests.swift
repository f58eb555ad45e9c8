import Foundation
import Testing

@testable import Conversion

@Suite struct OrderedWorkQueueTests {
    @Test func resultsComeInSubmissionOrderWhateverTheWorkersDo() {
        let queue = OrderedWorkQueue<Int, Int>(window: 3)
        let threads = ThreadGroup()
        threads.start {
            for i in 0..<200 { queue.submit(i) }
            queue.closeInput()
        }
        for w in 0..<3 {
            threads.start {
                while let (n, value) = queue.takeWork(worker: w) {
                    // Later pieces often finish first.
                    if (value + w) % 3 == 0 { usleep(200) }
                    queue.deliver(n, value * 10)
                }
            }
        }
        var got: [Int] = []
        loop: while true {
            switch queue.next() {
            case .result(let r): got.append(r)
            case .failed: Issue.record("no failure expected"); break loop
            case .end: break loop
            }
        }
        threads.wait()
        #expect(got == (0..<200).map { $0 * 10 })
    }

    @Test func piecesForOneWorkerReachItInOrder() {
        let queue = OrderedWorkQueue<Int, Int>(window: 100)
        for i in 0..<10 { queue.submit(i, for: i % 3 == 0 ? 1 : nil) }
        queue.closeInput()
        // Worker 0 never sees the pieces meant for worker 1; worker 1 sees them oldest first.
        var zero: [Int] = []
        while let (_, v) = queue.takeWork(worker: 0) { zero.append(v) }
        var one: [Int] = []
        while let (_, v) = queue.takeWork(worker: 1) { one.append(v) }
        #expect(zero == [1, 2, 4, 5, 7, 8])
        #expect(one == [0, 3, 6, 9])
    }

    struct Broken: Error {}

    @Test func aProducerFailureReachesTheConsumer() {
        let queue = OrderedWorkQueue<Int, Int>(window: 2)
        queue.submit(1)
        queue.fail(Broken())
        guard case .failed(let e) = queue.next() else {
            Issue.record("expected the failure")
            return
        }
        #expect(e is Broken)
    }

    @Test func cancellingReleasesABlockedProducer() {
        let queue = OrderedWorkQueue<Int, Int>(window: 1)
        let threads = ThreadGroup()
        let accepted = NSLock()
        nonisolated(unsafe) var results: [Bool] = []
        threads.start {
            // The second submission waits for room that never comes, until the cancel.
            for i in 0..<2 { let ok = queue.submit(i); accepted.withLock { results.append(ok) } }
        }
        usleep(20_000)
        queue.cancel()
        threads.wait()
        #expect(results == [true, false])
        #expect(queue.takeWork(worker: 0) == nil)
    }
}
