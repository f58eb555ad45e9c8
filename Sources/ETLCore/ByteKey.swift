/// Bytes as a key: a hash and an equality test, eight bytes at a time (remembered pipelines
/// key their texts by them, the JSON reader its keys). Inlinable: both are on per-value paths.
public enum ByteKey {
    /// A 64-bit hash of bytes, eight at a time (a multiply-xorshift mix; collisions only cost a
    /// comparison).
    @inlinable public static func hash(_ s: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(s.count)
        var i = 0
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= s.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                i += 8
            }
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < s.count {
            tail |= UInt64(s[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    /// Whether the bytes are the same (eight at a time).
    @inlinable public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var i = 0
        if let pa = a.baseAddress, let pb = b.baseAddress {
            let ra = UnsafeRawPointer(pa)
            let rb = UnsafeRawPointer(pb)
            while i + 8 <= a.count {
                if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i += 8
            }
        }
        while i < a.count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }
}
