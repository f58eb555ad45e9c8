/// At most 16 bytes held as two words and a length, so that comparing two of them is three
/// comparisons and hashing one is a few multiplications (`ByteKey` loops over bytes of any
/// length). Most values of an export's columns are this short: "AC3", "400", "Type 2 socket".
///
/// Two keys are equal exactly when their bytes are: with the length known, the words cover every
/// byte (8 to 16 bytes: the first eight and the last eight, which may overlap; 4 to 7: the first
/// four and the last four; 1 to 3: the first, the middle and the last byte; unused bits zero).
public struct ShortByteKey: Equatable, Sendable {
    public var low: UInt64
    public var high: UInt64
    public var count: Int

    /// The longest bytes a key holds.
    public static let capacity = 16

    /// The key of `s`, or nil when it is longer than 16 bytes. Reads no byte outside `s`.
    @inlinable @inline(__always) public init?(_ s: UnsafeBufferPointer<UInt8>) {
        let n = s.count
        guard n <= Self.capacity else { return nil }
        count = n
        guard n > 0, let p = s.baseAddress else {
            low = 0
            high = 0
            return
        }
        let raw = UnsafeRawPointer(p)
        if n >= 8 {
            low = raw.loadUnaligned(as: UInt64.self)
            high = n > 8 ? raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) : 0
        } else if n >= 4 {
            low = UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
            high = 0
        } else {
            low = UInt64(p[0]) | UInt64(p[n >> 1]) << 8 | UInt64(p[n - 1]) << 16
            high = 0
        }
    }

    /// A key no bytes give (a placeholder beside keys that are longer than 16 bytes).
    public static let none = ShortByteKey(low: 0, high: 0, count: -1)

    @usableFromInline init(low: UInt64, high: UInt64, count: Int) {
        self.low = low
        self.high = high
        self.count = count
    }

    /// A 64-bit hash whose low bits depend on every byte (tables index by them).
    @inlinable public var hash: UInt64 {
        var h = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: count)
        h ^= h >> 32
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 29)
    }
}
