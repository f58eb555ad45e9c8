import Foundation

/// Hands numbered pieces of work from one producer to several workers and their results back
/// to one consumer in the order they were submitted.
///
/// At most `window` pieces are between submission and consumption, so memory stays bounded
/// however far the workers get ahead of the consumer. A piece can be meant for one worker (one
/// that holds state from the piece before); such pieces reach it in order. Either side can stop
/// the others.
///
/// Each side waits on a condition of its own (room for the producer, work for the workers, the
/// next result for the consumer) and is woken only when that changes: one condition for all
/// woke all four threads at every hand-over, some 10,000 context switches in a run of a million
/// rows.
final class OrderedWorkQueue<Work, Result>: @unchecked Sendable {
    enum Next {
        case result(Result)
        case failed(Error)
        case end
    }

    private let lock = ThreadLock()
    /// The producer waits here for room in the window.
    private let room: ThreadLock.Condition
    /// The workers wait here for work.
    private let workCame: ThreadLock.Condition
    /// The consumer waits here for the next result.
    private let resultCame: ThreadLock.Condition
    private let window: Int
    private var work: [(number: Int, piece: Work, worker: Int?)?] = []
    private var workHead = 0
    private var results: [Int: Result] = [:]
    private var submitted = 0
    private var consumed = 0
    private var inputClosed = false
    private var cancelled = false
    private var failure: Error?

    init(window: Int) {
        self.window = max(1, window)
        room = ThreadLock.Condition(lock)
        workCame = ThreadLock.Condition(lock)
        resultCame = ThreadLock.Condition(lock)
    }

    /// Wakes everyone: the run ended or failed.
    private func wakeAll() {
        room.broadcast()
        workCame.broadcast()
        resultCame.broadcast()
    }

    /// Adds a piece of work, for any worker or for the given one, waiting while the window is
    /// full; false when the run was cancelled.
    @discardableResult
    func submit(_ piece: Work, for worker: Int? = nil) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while submitted - consumed >= window && !cancelled { room.wait() }
        if cancelled { return false }
        work.append((submitted, piece, worker))
        submitted += 1
        // Any worker can take it: one is enough. A piece for one worker wakes them all, since
        // the one woken must be that one.
        if worker == nil { workCame.signal() } else { workCame.broadcast() }
        return true
    }

    /// No more work will come.
    func closeInput() {
        lock.lock()
        inputClosed = true
        wakeAll()
        lock.unlock()
    }

    /// The producer failed: the consumer sees the error next.
    func fail(_ error: Error) {
        lock.lock()
        failure = error
        inputClosed = true
        wakeAll()
        lock.unlock()
    }

    /// The next piece for worker `worker`: the oldest that is for any worker or for this one;
    /// nil when there is no more (or the run was cancelled).
    func takeWork(worker: Int) -> (Int, Work)? {
        lock.lock()
        defer { lock.unlock() }
        while true {
            if cancelled { return nil }
            if let i = work[workHead...].firstIndex(where: { $0 != nil && ($0!.worker == nil || $0!.worker == worker) }) {
                let item = work[i]!
                // Give up the queue's reference at once; compact now and then.
                work[i] = nil
                while workHead < work.count && work[workHead] == nil { workHead += 1 }
                if workHead > 64 {
                    work.removeFirst(workHead)
                    workHead = 0
                }
                return (item.number, item.piece)
            }
            if inputClosed { return nil }
            workCame.wait()
        }
    }

    func deliver(_ number: Int, _ result: Result) {
        lock.lock()
        results[number] = result
        // The consumer waits for one result only: the next in order.
        if number == consumed { resultCame.signal() }
        lock.unlock()
    }

    /// The next result in submission order, waiting for it.
    func next() -> Next {
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let failure { return .failed(failure) }
            if let result = results.removeValue(forKey: consumed) {
                consumed += 1
                room.signal()
                return .result(result)
            }
            if inputClosed && consumed == submitted { return .end }
            resultCame.wait()
        }
    }

    /// Tells the producer and the workers to stop.
    func cancel() {
        lock.lock()
        cancelled = true
        wakeAll()
        lock.unlock()
    }
}
