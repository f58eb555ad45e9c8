/// The bits of a value as it is stored: the address of a string's or an array's storage (or the
/// bytes of a small string) and the plain values. Memos of the encoder and the validator key the
/// parts of a record by them, because a conversion hands a record the very strings and arrays it
/// handed the record before when a station's values repeat.
///
/// Equal bits are the same value as long as the memo keeps the value it keyed alive: no other
/// value can then take its place in memory, and a value held twice is copied before it changes.
/// Equal values in other storage only miss. Reading the bits counts no reference, unlike
/// comparing the values (each comparison of an optional string copies both sides).
enum StorageBits {
    typealias Pair = (UInt64, UInt64)
    typealias Quad = (UInt64, UInt64, UInt64, UInt64)

    @inline(__always) static func of(_ s: String?) -> Pair {
        unsafeBitCast(s, to: Pair.self)
    }

    @inline(__always) static func of<T>(_ a: [T]?) -> UInt64 {
        UInt64(UInt(bitPattern: unsafeBitCast(a, to: Int.self)))
    }

    @inline(__always) static func of(_ p: CoordinatePair?) -> Quad {
        unsafeBitCast(p, to: Quad.self)
    }

    /// Whether two sets are held in the very same storage (then they are equal; `==` compares
    /// them member by member, hashing each).
    @inline(__always) static func same(_ a: Set<String>, _ b: Set<String>) -> Bool {
        unsafeBitCast(a, to: UInt.self) == unsafeBitCast(b, to: UInt.self)
    }

    /// 0 false, 1 true, 2 none.
    @inline(__always) static func flag(_ b: Bool?) -> UInt64 {
        switch b {
        case .none: 2
        case .some(let v): v ? 1 : 0
        }
    }

    /// Whether two keys hold the same bits. `K` is a struct of `UInt64` words and tuples of
    /// them only (no padding, no references).
    @inline(__always) static func equal<K>(_ a: K, _ b: K) -> Bool {
        withUnsafeBytes(of: a) { x in
            withUnsafeBytes(of: b) { y in
                var differ: UInt64 = 0
                for i in stride(from: 0, to: MemoryLayout<K>.size, by: 8) {
                    differ |= x.load(fromByteOffset: i, as: UInt64.self) ^ y.load(fromByteOffset: i, as: UInt64.self)
                }
                return differ == 0
            }
        }
    }
}
