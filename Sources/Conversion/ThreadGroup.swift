import Foundation

/// Threads of one run, started together and waited for together. Each has an 8 MiB stack (deep
/// mapping expressions and nested input recurse).
final class ThreadGroup {
    private let group = DispatchGroup()

    func start(_ body: @escaping @Sendable () -> Void) {
        group.enter()
        let done = group
        let thread = Thread {
            body()
            done.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits until every thread has returned.
    func wait() {
        group.wait()
    }
}
