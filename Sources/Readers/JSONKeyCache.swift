import ETLCore

/// The keys a JSON file has given, by their bytes: an export repeats a few dozen keys on every
/// object, and a key found here costs a hash and a comparison instead of a UTF-8 check, a new
/// string and (for camelCase files) a conversion to snake_case. Holds the key as the scanner
/// returns it (converted when the scanner converts).
final class JSONKeyCache {
    private struct Entry {
        var bytes: [UInt8]
        var key: String
    }

    /// Open addressing over a power-of-two table; nil marks a free slot.
    private var slots: [Entry?]
    private var count = 0
    /// Keys longer than this, and keys past `capacity` distinct ones (an object used as a map of
    /// IDs), are not kept: they are made each time.
    static let maxKeyBytes = 64
    private let capacity: Int

    init(capacity: Int = 2048) {
        self.capacity = capacity
        // A power of two at least twice the capacity: probing wraps with a mask, and half the
        // slots stay free, so a search always ends.
        var size = 2
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: nil, count: size)
    }

    /// Forgets every key (nothing to do while none is stored).
    func removeAll() {
        guard count > 0 else { return }
        slots = Array(repeating: nil, count: slots.count)
        count = 0
    }

    /// The key for these bytes, if one was stored.
    func key(for bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var i = Int(truncatingIfNeeded: ByteKey.hash(bytes)) & (slots.count - 1)
        while let entry = slots[i] {
            if entry.bytes.withUnsafeBufferPointer({ ByteKey.equal($0, bytes) }) { return entry.key }
            i = (i + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Remembers the key made of these bytes (while there is room).
    func store(_ key: String, for bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= Self.maxKeyBytes, count < capacity, self.key(for: bytes) == nil else { return }
        var i = Int(truncatingIfNeeded: ByteKey.hash(bytes)) & (slots.count - 1)
        while slots[i] != nil { i = (i + 1) & (slots.count - 1) }
        slots[i] = Entry(bytes: Array(bytes), key: key)
        count += 1
    }
}
