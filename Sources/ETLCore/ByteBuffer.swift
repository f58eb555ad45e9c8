/// Bytes in a buffer that doubles as it grows, freed by its owner (`deallocate`): the text of a
/// tape being built, the key of an item memo. A struct, so that appending needs no reference
/// counted; whoever holds it frees it once.
public struct ByteBuffer {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var used = 0
    @usableFromInline var capacity: Int

    public init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    public var count: Int { used }
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: used) }
    public var pointer: UnsafeMutablePointer<UInt8> { base }

    @inlinable public mutating func append(_ byte: UInt8) {
        if used == capacity { grow(used + 1) }
        base[used] = byte
        used += 1
    }

    /// Appends the bytes; returns where they start.
    @inlinable @discardableResult public mutating func append(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        let start = used
        if used + raw.count > capacity { grow(used + raw.count) }
        if let b = raw.baseAddress { (base + used).update(from: b, count: raw.count) }
        used += raw.count
        return start
    }

    public mutating func removeAll() { used = 0 }

    public func deallocate() { base.deallocate() }

    @usableFromInline mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        bigger.update(from: base, count: used)
        base.deallocate()
        base = bigger
        capacity = c
    }
}
