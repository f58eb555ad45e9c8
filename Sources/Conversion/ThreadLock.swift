#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with any number of conditions on it, so that each kind of waiting thread waits on its
/// own condition and is woken only by what it waits for (`NSCondition` has one condition per
/// lock: every change woke every waiting thread, and on two cores each needless wake-up is a
/// context switch taken from the mapping threads).
final class ThreadLock: @unchecked Sendable {
    fileprivate let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    /// A condition to wait for while holding the lock it was made with.
    final class Condition: @unchecked Sendable {
        private let lock: ThreadLock
        private let condition: UnsafeMutablePointer<pthread_cond_t>

        init(_ lock: ThreadLock) {
            self.lock = lock
            condition = .allocate(capacity: 1)
            condition.initialize(to: pthread_cond_t())
            pthread_cond_init(condition, nil)
        }

        deinit {
            pthread_cond_destroy(condition)
            condition.deinitialize(count: 1)
            condition.deallocate()
        }

        /// Releases the lock until woken (or spuriously), then holds it again: wait in a loop
        /// that checks what is waited for.
        func wait() { pthread_cond_wait(condition, lock.mutex) }
        /// Wakes one waiting thread, if any.
        func signal() { pthread_cond_signal(condition) }
        /// Wakes every waiting thread.
        func broadcast() { pthread_cond_broadcast(condition) }
    }
}
