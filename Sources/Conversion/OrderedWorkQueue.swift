import Foundation

/// Hands numbered pieces of work from one producer to several workers and their results back
/// to one consumer in the order they were submitted.
///
/// At most `window` pieces are between submission and consumption, so memory stays bounded
/// however far the workers get ahead of the consumer. A piece can be meant for one worker (one
/// that holds state from the piece before); such pieces reach it in order. Either side can stop
/// the others.
final class OrderedWorkQueue<Work, Result>: @unchecked Sendable {
    enum Next {
        case result(Result)
        case failed(Error)
        case end
    }

    private let condition = NSCondition()
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
    }

    /// Adds a piece of work, for any worker or for the given one, waiting while the window is
    /// full; false when the run was cancelled.
    @discardableResult
    func submit(_ piece: Work, for worker: Int? = nil) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while submitted - consumed >= window && !cancelled { condition.wait() }
        if cancelled { return false }
        work.append((submitted, piece, worker))
        submitted += 1
        condition.broadcast()
        return true
    }

    /// No more work will come.
    func closeInput() {
        condition.lock()
        inputClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The producer failed: the consumer sees the error next.
    func fail(_ error: Error) {
        condition.lock()
        failure = error
        inputClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next piece for worker `worker`: the oldest that is for any worker or for this one;
    /// nil when there is no more (or the run was cancelled).
    func takeWork(worker: Int) -> (Int, Work)? {
        condition.lock()
        defer { condition.unlock() }
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
            condition.wait()
        }
    }

    func deliver(_ number: Int, _ result: Result) {
        condition.lock()
        results[number] = result
        condition.broadcast()
        condition.unlock()
    }

    /// The next result in submission order, waiting for it.
    func next() -> Next {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let failure { return .failed(failure) }
            if let result = results.removeValue(forKey: consumed) {
                consumed += 1
                condition.broadcast()
                return .result(result)
            }
            if inputClosed && consumed == submitted { return .end }
            condition.wait()
        }
    }

    /// Tells the producer and the workers to stop.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
