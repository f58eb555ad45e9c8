/// Field bounds of many CSV rows one after another, each row's written once and never changed:
/// the rows split from one stretch of the input share one arena instead of a list each (an
/// allocation, a copy and, on the mapping thread, a free per row).
///
/// Only its maker writes it, and only past what it handed out (`RowBounds`); a row reaches
/// another thread through a lock, after its bounds were written.
public final class BoundsArena: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<Int32>
    public let capacity: Int
    /// The bounds handed out so far; the rest is free.
    public private(set) var used = 0

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
        base = .allocate(capacity: max(1, capacity))
    }

    deinit { base.deallocate() }

    /// How many bounds can still be written.
    public var free: Int { capacity - used }

    /// The free space, for `body` to write up to `free` bounds into; the first `n` it returns
    /// become a `RowBounds` (nil: none, nothing kept).
    public func fill(_ body: (UnsafeMutableBufferPointer<Int32>) -> Int?) -> RowBounds? {
        guard let n = body(UnsafeMutableBufferPointer(start: base + used, count: free)) else { return nil }
        precondition(n >= 0 && n <= free)
        defer { used += n }
        return RowBounds(owner: self, start: used, count: n)
    }
}

/// Where the fields of one row lie (field `i` at `self[2 i] ..< self[2 i + 1]`): a window on a
/// `BoundsArena`, which it keeps alive.
public struct RowBounds: @unchecked Sendable {
    @usableFromInline let owner: BoundsArena
    @usableFromInline let start: UnsafePointer<Int32>
    public private(set) var count: Int

    @usableFromInline init(owner: BoundsArena, start: Int, count: Int) {
        self.owner = owner
        self.start = UnsafePointer(owner.base + start)
        self.count = count
    }

    /// Bounds of their own, copied from `bounds`.
    public init(copying bounds: some Collection<Int32>) {
        let arena = BoundsArena(capacity: bounds.count)
        self = arena.fill { out in
            _ = out.initialize(from: bounds)
            return bounds.count
        }!
    }

    @inlinable public subscript(i: Int) -> Int32 {
        precondition(i >= 0 && i < count, "bound out of range")
        return start[i]
    }

    @inlinable public var buffer: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: start, count: count) }

    public var first: Int32? { count > 0 ? start[0] : nil }
    public var last: Int32? { count > 0 ? start[count - 1] : nil }

    /// The first `n` bounds (all when there are fewer).
    public func prefix(_ n: Int) -> RowBounds {
        var shorter = self
        shorter.count = Swift.max(0, Swift.min(n, count))
        return shorter
    }
}
