import Foundation

/// Hands numbered pieces of work from one producer to several workers and their results back
/// to one consumer in the order they were submitted.
///
/// At most `window` pieces are between submission and consumption, so memory stays bounded
/// however far the workers get ahead of the consumer. Either side can stop the others.
final class OrderedWorkQueue<Work, Result>: @unchecked Sendable {
    enum Next {
        case result(Result)
        case failed(Error)
        case end
    }

    private let condition = NSCondition()
    private let window: Int
    private var work: [(Int, Work)?] = []
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

    /// Adds a piece of work, waiting while the window is full; false when the run was cancelled.
    @discardableResult
    func submit(_ piece: Work) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while submitted - consumed >= window && !cancelled { condition.wait() }
        if cancelled { return false }
        work.append((submitted, piece))
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

    /// The next piece for a worker; nil when there is no more (or the run was cancelled).
    func takeWork() -> (Int, Work)? {
        condition.lock()
        defer { condition.unlock() }
        while workHead == work.count && !inputClosed && !cancelled { condition.wait() }
        if cancelled || workHead == work.count { return nil }
        let piece = work[workHead]!
        // Give up the queue's reference at once; compact now and then.
        work[workHead] = nil
        workHead += 1
        if workHead > 64 {
            work.removeFirst(workHead)
            workHead = 0
        }
        return piece
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
