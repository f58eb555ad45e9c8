/// A growable byte buffer for `JSONWriter`: appending is a bounds check and a copy, without the
/// generic machinery of `Array.append(contentsOf:)`, which costs more than the copy for the
/// short strings JSON is made of.
///
/// Owned by one writer (the writer copies it before writing when it is shared), so its fields
/// need no run-time exclusivity checks.
final class ByteStorage: @unchecked Sendable {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// How many bytes are written; set it lower to forget the rest.
    @exclusivity(unchecked) private(set) var count = 0

    func truncate(to n: Int) {
        precondition(n >= 0 && n <= count)
        count = n
    }

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    func copy() -> ByteStorage {
        let c = ByteStorage(capacity: capacity)
        c.base.update(from: base, count: count)
        c.count = count
        return c
    }

    func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always) private func reserve(_ extra: Int) {
        if capacity - count < extra { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always) func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// `"text"` in one step (text that needs no escapes).
    @inline(__always) func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        reserve(text.count + 2)
        base[count] = UInt8(ascii: "\"")
        if let source = text.baseAddress { (base + count + 1).update(from: source, count: text.count) }
        base[count + text.count + 1] = UInt8(ascii: "\"")
        count += text.count + 2
    }

    /// `"key":` in one step.
    @inline(__always) func appendKey(_ key: UnsafeBufferPointer<UInt8>) {
        reserve(key.count + 3)
        base[count] = UInt8(ascii: "\"")
        if let source = key.baseAddress { (base + count + 1).update(from: source, count: key.count) }
        base[count + key.count + 1] = UInt8(ascii: "\"")
        base[count + key.count + 2] = UInt8(ascii: ":")
        count += key.count + 3
    }

    /// A literal's bytes (`true`, `null`), without making an array of them.
    @inline(__always) func appendLiteral(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func append(contentsOf bytes: some Collection<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) != nil { return }
        reserve(bytes.count)
        for b in bytes {
            base[count] = b
            count += 1
        }
    }
}
