import Foundation

/// A bounded first-in first-out queue between two threads. The producer blocks when it is full,
/// the consumer when it is empty; either side can close it.
final class BatchQueue<Element>: @unchecked Sendable {
    enum Item {
        case batch([Element])
        case failed(Error)
        case end
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private let capacity: Int
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds an item; false when the consumer has cancelled (the producer should stop).
    @discardableResult
    func push(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    func pop() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count { condition.wait() }
        let item = items[head]
        // Drop the queue's reference at once: a consumed batch must not stay alive here.
        items[head] = .end
        head += 1
        if head > 64 {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    /// Tells the producer to stop.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
